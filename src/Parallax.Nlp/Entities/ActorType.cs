namespace Parallax.Nlp.Entities;

/// <summary>What kind of actor an <see cref="Actor"/> entry describes. Names are written verbatim in the data files' <c>type</c> column.</summary>
public enum ActorType
{
    /// <summary>A named individual.</summary>
    Person,
    /// <summary>A sovereign or partially recognised state.</summary>
    Country,
    /// <summary>A city, governorate, province or other named place inside a country.</summary>
    Location,
    /// <summary>A named area spanning or ignoring borders (the Sahel, the Golan Heights).</summary>
    Region,
    /// <summary>A national organisation that fits no narrower type (a company, an agency, an NGO).</summary>
    Organisation,
    /// <summary>A government body: a presidency, a cabinet, an office of state.</summary>
    Government,
    /// <summary>A ministry or department of a government.</summary>
    Ministry,
    /// <summary>A state's armed forces or one of their branches or units.</summary>
    ArmedForce,
    /// <summary>A state intelligence or security service.</summary>
    IntelligenceService,
    /// <summary>A non-state armed group, militia or insurgency.</summary>
    ArmedGroup,
    /// <summary>A political party or movement.</summary>
    PoliticalParty,
    /// <summary>A news outlet, broadcaster or wire service.</summary>
    MediaOutlet,
    /// <summary>An organisation whose members are states (the UN and its bodies, NATO, the EU).</summary>
    InternationalOrganisation,
    /// <summary>A label for a religious, ethnic or political community (Shia, Kurds, Alawites), not an organisation.</summary>
    GroupLabel,
}
