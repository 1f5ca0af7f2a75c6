using System.Text.RegularExpressions;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public sealed class ActorDataLintTests
{
    private const string Prefix = "Parallax.Nlp.Entities.Data.";

    private static IEnumerable<(string Name, ActorDataFile File)> ShippedFiles()
    {
        var assembly = typeof(ActorKnowledgeBase).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name, ActorDataReader.Read(name, reader));
        }
    }

    [Fact]
    public void ShippedFiles_AllEmbedded_EveryLineParses()
    {
        // Given the resources embedded in Parallax.Nlp
        // When each is read
        var files = ShippedFiles().ToList();

        // Then the expected files are there and none is empty
        var names = files.Select(f => f.Name[Prefix.Length..]).ToList();
        foreach (var expected in new[] { "countries.tsv", "people.tsv", "roles.tsv", "offices.tsv", "organisations.tsv", "armed-forces.tsv", "armed-groups.tsv", "outlets.tsv", "locations.tsv" })
            Assert.Contains(expected, names);
        Assert.All(files, f => Assert.True(f.File.Actors.Count + f.File.Roles.Count + f.File.Offices.Count > 0, f.Name));
    }

    [Fact]
    public void ShippedFiles_Ids_AreUniqueAndPrefixedByKind()
    {
        // Given every actor line of every shipped file
        var ids = ShippedFiles().SelectMany(f => f.File.Actors).Select(r => r.Id).ToList();

        // Then no id repeats, and each id is kind:slug in lower case
        Assert.Empty(ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(ids, id => Assert.Matches(new Regex("^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$"), id));
    }

    [Fact]
    public void DefaultKnowledgeBase_Loads_AndHasSeveralHundredEntries()
    {
        // Given / When
        var kb = ActorKnowledgeBase.LoadDefault();

        // Then
        Assert.True(kb.Actors.Length >= 500, $"only {kb.Actors.Length} entries");
        Assert.True(kb.Actors.Count(a => a.Type == ActorType.Country) >= 197);
    }

    [Fact]
    public void WikidataIds_WhenPresent_MatchPattern()
    {
        // Given / When / Then
        var kb = ActorKnowledgeBase.LoadDefault();
        Assert.All(kb.Actors.Where(a => a.WikidataId is not null), a => Assert.Matches(new Regex(@"^Q\d+$"), a.WikidataId!));
        Assert.Equal(kb.Actors.Count(a => a.WikidataId is not null), kb.Actors.Where(a => a.WikidataId is not null).Select(a => a.WikidataId).Distinct().Count());
    }

    [Fact]
    public void Roles_DateRangesValid_AndOfficesAndScopesKnown()
    {
        // Given every role of every actor
        var kb = ActorKnowledgeBase.LoadDefault();
        var roles = kb.Actors.SelectMany(a => a.Roles.Select(r => (Actor: a, Role: r))).ToList();

        // Then dates are ordered, the office is in the lexicon, and the scope is a loaded actor
        Assert.True(roles.Count >= 200);
        Assert.All(roles, x =>
        {
            Assert.True(x.Role.From is null || x.Role.To is null || x.Role.From <= x.Role.To, $"{x.Actor.Id} {x.Role}");
            Assert.Contains(x.Role.Office, kb.Offices);
            Assert.NotNull(kb.Find(x.Role.OfId));
        });
    }

    [Fact]
    public void Roles_SameOfficeAndScope_DoNotOverlapForSingleHolderOffices()
    {
        // Given offices one person holds at a time
        var kb = ActorKnowledgeBase.LoadDefault();
        string[] single = ["President", "PrimeMinister", "Chancellor", "ForeignMinister", "DefenceMinister", "SupremeLeader", "Monarch"];
        var terms = kb.Actors
            .SelectMany(a => a.Roles.Where(r => single.Contains(r.Office)).Select(r => (Actor: a, Role: r)))
            .GroupBy(x => (x.Role.Office, x.Role.OfId));

        // Then no two terms of different people overlap by more than the handover day
        foreach (var group in terms)
        {
            var ordered = group.Where(x => x.Role.From is not null).OrderBy(x => x.Role.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previousEnd = ordered[i - 1].Role.To ?? DateOnly.MaxValue;
                Assert.True(
                    ordered[i].Role.From!.Value >= previousEnd.AddDays(-1) || ordered[i].Actor.Id == ordered[i - 1].Actor.Id,
                    $"{group.Key}: {ordered[i - 1].Actor.Id} and {ordered[i].Actor.Id} overlap");
            }
        }
    }

    [Fact]
    public void Countries_EachHasCapitalAndWellFormedUniqueIsoCodes()
    {
        // Given every country
        var countries = ActorKnowledgeBase.LoadDefault().Actors.Where(a => a.Type == ActorType.Country).ToList();

        // Then
        Assert.All(countries, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Capital), c.Id);
            Assert.Matches(new Regex("^[A-Z]{2}$"), c.CountryCode!);
            Assert.Matches(new Regex("^[A-Z]{3}$"), c.Iso3!);
            Assert.Equal("country:" + c.CountryCode!.ToLowerInvariant(), c.Id);
            Assert.NotEmpty(c.Demonyms);
        });
        Assert.Equal(countries.Count, countries.Select(c => c.Iso3).Distinct().Count());
    }

    [Fact]
    public void People_NoNameOrAliasIsAlsoACountryName()
    {
        // Given the folded names of all countries
        var kb = ActorKnowledgeBase.LoadDefault();
        var countryNames = kb.Actors.Where(a => a.Type == ActorType.Country)
            .SelectMany(a => a.Aliases.Prepend(a.Name)).Select(NameKeys.Fold).ToHashSet(StringComparer.Ordinal);

        // Then no person is spelled like a country ("Jordan" stays a country)
        var clashes = kb.Actors.Where(a => a.Type == ActorType.Person)
            .SelectMany(a => a.Aliases.Prepend(a.Name).Select(n => (a.Id, Key: NameKeys.Fold(n))))
            .Where(x => countryNames.Contains(x.Key))
            .ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public void Actors_CountryCodes_ReferToLoadedCountries()
    {
        // Given / When
        var kb = ActorKnowledgeBase.LoadDefault();

        // Then every country code used by a non-country names a country entry
        Assert.All(
            kb.Actors.Where(a => a.Type != ActorType.Country && a.CountryCode is not null),
            a => Assert.NotNull(kb.Find("country:" + a.CountryCode!.ToLowerInvariant())));
    }
}
