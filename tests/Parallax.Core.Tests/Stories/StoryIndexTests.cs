using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

public sealed class StoryIndexTests
{
    // Texts written for these tests: a fictional bridge collapse, a fictional orchestra tour, a fictional
    // football transfer and a fictional vaccine trial.
    private const string BridgeReport =
        """
        The Kellan Bridge over the river Tarrow collapsed on Tuesday evening in the town of Marlow, sending two delivery vans into the water.
        Rescue crews from Marlow and nearby Hessley pulled four people from the river, and the county fire service said one driver was still missing.
        The bridge, built in 1962, had been closed to heavy lorries since an inspection in March found corroded steel cables under the deck.
        Mayor Orla Brennick said the town council had asked the regional transport office for repair money twice and had been refused.
        Divers resumed the search at first light on Wednesday while engineers checked the remaining spans for further cracks.
        Residents of the east bank now face a forty minute detour through Hessley to reach the hospital in central Marlow.
        """;

    private const string BridgeReportEdited =
        """
        The Kellan Bridge over the river Tarrow collapsed on Tuesday evening in the town of Marlow, sending two delivery vans into the water.
        Rescue crews from Marlow and nearby Hessley pulled four people from the river, and the county fire service said one driver was still missing.
        The bridge, built in 1962, had been closed to heavy lorries since an inspection in March found corroded steel cables under the deck.
        Mayor Orla Brennick said the town council had asked the regional transport office for repair money twice and had been refused.
        Police divers went back into the water at dawn on Wednesday, and a crane barge arrived from the coast to lift the vans.
        Residents of the east bank now face a forty minute detour through Hessley to reach the hospital in central Marlow.
        """;

    private const string BridgeFollowUp =
        """
        Engineers blamed rusted support cables for the fall of the Kellan Bridge in Marlow, a preliminary report released on Friday found.
        The crossing over the Tarrow gave way under two vans, and the body of the missing driver was recovered downstream near Hessley.
        Orla Brennick, the Marlow mayor, demanded that the transport office explain why its repair money for the bridge was withheld.
        The report said the corroded cables had been flagged by inspectors in March but no load limit for vans was ever enforced.
        A temporary footbridge for Marlow residents is expected within weeks, while a ferry will carry cars across the Tarrow.
        """;

    // A resident's account of the Kellan Bridge collapse: the same places and people, in everyday words.
    private const string BridgeDiary =
        """
        Our kitchen window looks across the Tarrow. I woke at eleven to a noise like a door slamming, and then the street lamps went dark.
        My son ran out with a torch and came back soaked and shaking. Nobody in our street slept; the neighbours made tea and we stood in the garden.
        This morning the school bus could not come, and my mother, who needs her tablets from the chemist in Marlow, will have to wait.
        The sirens came from Hessley all night. Mrs Brennick walked past our gate at lunch and looked as tired as the rest of us.
        We used to cross the Kellan every Saturday for the market. I do not know when we will again.
        """;

    private const string OrchestraTour =
        """
        The Vellmar Philharmonic opened its autumn tour with a sold-out concert in Lisbon, performing a new cello concerto by composer Ines Carvalho.
        Conductor Pavel Drozdov led the orchestra through the premiere before closing the evening with a Brahms symphony.
        Critics praised the soloist, Maren Holt, whose cadenza drew a standing ovation from the audience in the old opera house.
        The tour continues to Madrid, Lyon and Geneva before the orchestra returns home to Vellmar in December.
        """;

    private const string FootballTransfer =
        """
        Striker Tomasz Wieczorek has signed a four-year contract with Altburg United after the club agreed a record fee with Port Caddon.
        The Polish forward scored twenty-two league goals last season and was chased by several clubs abroad.
        Altburg coach Renata Solis said the signing would give her attack the pace it lacked during the spring.
        Supporters gathered outside the stadium to greet Wieczorek as he arrived for his medical examination.
        """;

    private const string VaccineTrial =
        """
        A malaria vaccine developed at the Osterby Institute cut severe infections by more than half in a trial among children in three districts.
        Researchers led by epidemiologist Amara Quist followed about four thousand children for eighteen months.
        The institute plans to ask regulators for approval next year and is negotiating with manufacturers over the cost of each dose.
        Health ministries in the trial districts said clinics were ready to add the vaccine to routine immunisation.
        """;

    [Fact]
    public void Add_ParagraphEditedCopy_IsNearDuplicateOfTheOriginal()
    {
        // Given an index holding a report and an unrelated article
        var index = StoryIndex.Create();
        var original = index.Add(Input("a1", BridgeReport, "Kellan Bridge collapses in Marlow"));
        index.Add(Input("a2", OrchestraTour, "Vellmar Philharmonic opens tour"));

        // When a copy with one paragraph rewritten and another headline arrives
        var copy = index.Add(Input("a3", BridgeReportEdited, "Bridge falls into the Tarrow"));

        // Then it points at the first-seen article and joins its story
        Assert.Equal("a1", copy.DuplicateOf);
        Assert.Equal(original.StoryId, copy.StoryId);
        Assert.False(copy.NewStory);
        Assert.InRange(copy.DuplicateSimilarity, 0.5, 0.999);
    }

    [Fact]
    public void Add_CopyDifferingOnlyInCaseAndSpacing_IsExactDuplicateWithSimilarityOne()
    {
        // Given an index holding a report
        var index = StoryIndex.Create();
        index.Add(Input("a1", BridgeReport, null));

        // When the same words arrive upper-cased with other line breaks
        var copy = index.Add(Input("a2", BridgeReport.ToUpperInvariant().Replace("\n", "  ", StringComparison.Ordinal), null));

        // Then it is an exact duplicate
        Assert.Equal("a1", copy.DuplicateOf);
        Assert.Equal(1.0, copy.DuplicateSimilarity);
        Assert.Equal(1.0, copy.Score);
    }

    [Fact]
    public void Add_ExactCopyOfANearDuplicate_PointsAtTheCanonicalArticle()
    {
        // Given an original and an edited repost of it
        var index = StoryIndex.Create();
        index.Add(Input("a1", BridgeReport, null));
        var edited = index.Add(Input("a2", BridgeReportEdited, null));

        // When the repost is copied again word for word
        var copy = index.Add(Input("a3", BridgeReportEdited, null));

        // Then it points at the first-seen original with the repost's similarity
        Assert.Equal("a1", copy.DuplicateOf);
        Assert.Equal(edited.DuplicateSimilarity, copy.DuplicateSimilarity);
        Assert.Equal(edited.StoryId, copy.StoryId);
    }

    [Fact]
    public void Add_UnrelatedArticles_EachOpensItsOwnStory()
    {
        // Given four articles on four unrelated subjects
        var index = StoryIndex.Create();
        string[] texts = [BridgeReport, OrchestraTour, FootballTransfer, VaccineTrial];

        // When they are added
        var decisions = texts.Select((t, i) => index.Add(Input("u" + i, t, null))).ToArray();

        // Then none is merged and none is a duplicate
        Assert.All(decisions, d => Assert.True(d.NewStory));
        Assert.All(decisions, d => Assert.Null(d.DuplicateOf));
        Assert.Equal(4, decisions.Select(d => d.StoryId).Distinct().Count());
        Assert.Equal(4, index.Stories.Count);
    }

    [Fact]
    public void Add_SameSituationInOtherWords_JoinsTheFirstStory()
    {
        // Given a report and unrelated articles already indexed
        var index = StoryIndex.Create();
        var first = index.Add(Input("b1", BridgeReport, "Kellan Bridge collapses in Marlow"));
        index.Add(Input("o1", OrchestraTour, "Vellmar Philharmonic opens tour"));
        index.Add(Input("f1", FootballTransfer, "Wieczorek joins Altburg"));

        // When a follow-up on the same collapse, written differently, arrives
        var follow = index.Add(Input("b2", BridgeFollowUp, "Rusted cables brought down Marlow bridge, report finds"));

        // Then it joins the bridge story without being a duplicate
        Assert.Null(follow.DuplicateOf);
        Assert.False(follow.NewStory);
        Assert.Equal(first.StoryId, follow.StoryId);
        Assert.True(follow.Score >= index.Options.StoryThreshold);
        Assert.Equal<string>(["b1", "b2"], index.Stories.Single(s => s.Id == first.StoryId).ArticleIds);
    }

    [Fact]
    public void Add_EyewitnessAccountSharingTheNames_JoinsThroughTheNameRule()
    {
        // Given two reports of the bridge collapse, in an index without the background prior so the rule is seen alone
        var options = StoryIndexOptions.Default with { BackgroundWeight = 0 };
        var index = StoryIndex.Create(options);
        var first = index.Add(new StoryInput("a", BridgeReport, "Kellan Bridge collapses in Marlow", null, null));
        index.Add(new StoryInput("b", BridgeFollowUp, "Rusted cables blamed for Kellan Bridge fall", null, null));
        var withoutRule = StoryIndex.Create(options with { NameMatchThreshold = options.StoryThreshold });
        withoutRule.Add(new StoryInput("a", BridgeReport, "Kellan Bridge collapses in Marlow", null, null));
        withoutRule.Add(new StoryInput("b", BridgeFollowUp, "Rusted cables blamed for Kellan Bridge fall", null, null));

        // When a resident's account in everyday words is added
        var diary = index.Add(new StoryInput("c", BridgeDiary, "A sleepless night by the river", null, null));
        var diaryWithoutRule = withoutRule.Add(new StoryInput("c", BridgeDiary, "A sleepless night by the river", null, null));

        // Then its cosine is below the story threshold, yet it joins because it names the same places and people
        Assert.False(diary.NewStory);
        Assert.Equal(first.StoryId, diary.StoryId);
        Assert.True(diary.Score < StoryIndexOptions.Default.StoryThreshold, diary.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(diaryWithoutRule.NewStory);
    }

    [Fact]
    public void Add_SameArticleIdAgain_ReturnsTheOriginalDecisionAndChangesNothing()
    {
        // Given an index with three articles and its snapshot
        var index = StoryIndex.Create();
        var first = index.Add(Input("b1", BridgeReport, "Kellan Bridge collapses in Marlow"));
        index.Add(Input("o1", OrchestraTour, null));
        index.Add(Input("b2", BridgeFollowUp, null));
        var before = index.Save();

        // When the first id is added again, even with other text
        var again = index.Add(Input("b1", VaccineTrial, "Another headline"));

        // Then the decision is the original one and the state is unchanged
        Assert.Same(first, again);
        Assert.Equal(3, index.Count);
        Assert.Equal(before, index.Save());
    }

    [Fact]
    public void Add_TextWithoutWords_OpensStoryAndIsNeverADuplicate()
    {
        // Given an index holding a punctuation-only text
        var index = StoryIndex.Create();
        index.Add(Input("e1", "…  —  !!", null));

        // When another such text arrives
        var second = index.Add(Input("e2", "  ", null));

        // Then it is not a duplicate
        Assert.Null(second.DuplicateOf);
        Assert.True(second.NewStory);
    }

    [Fact]
    public void Stories_AfterAdds_CarryMembersKeyTermsAndFirstTitleAsLabel()
    {
        // Given a bridge story of two articles
        var index = StoryIndex.Create();
        var first = index.Add(Input("b1", BridgeReport, "Kellan Bridge collapses in Marlow"));
        index.Add(Input("b2", BridgeFollowUp, "Rusted cables brought down Marlow bridge"));
        index.Add(Input("o1", OrchestraTour, null));

        // When the summaries are read
        var story = index.Stories[0];

        // Then they describe the story
        Assert.Equal(first.StoryId, story.Id);
        Assert.StartsWith("s-", story.Id, StringComparison.Ordinal);
        Assert.Equal(12, story.Id.Length);
        Assert.Equal("Kellan Bridge collapses in Marlow", story.Label);
        Assert.Contains("marlow", story.KeyTerms);
        Assert.Contains("bridge", first.KeyTerms);
        Assert.False(string.IsNullOrWhiteSpace(index.Stories[1].Label));
    }

    [Fact]
    public void Contains_AfterAdd_IsTrueOnlyForAddedIds()
    {
        // Given an index with one article
        var index = StoryIndex.Create();
        index.Add(Input("b1", BridgeReport, null));

        // When / Then
        Assert.True(index.Contains("b1"));
        Assert.False(index.Contains("b2"));
        Assert.True(index.TryGetDecision("b1", out var decision));
        Assert.NotNull(decision);
    }

    [Fact]
    public void Add_RecencyDecay_KeepsFarApartReportsInSeparateStories()
    {
        // Given a bridge story from one spring, with a short half-life
        var index = StoryIndex.Create(StoryIndexOptions.Default with { RecencyHalfLife = TimeSpan.FromDays(2) });
        var spring = new DateTimeOffset(2031, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var first = index.Add(Input("b1", BridgeReport, null) with { Published = spring });

        // When the follow-up is dated a year later, and again when it is dated the next day
        var late = index.Add(Input("b2", BridgeFollowUp, null) with { Published = spring.AddYears(1) });
        var fresh = StoryIndex.Create(StoryIndexOptions.Default with { RecencyHalfLife = TimeSpan.FromDays(2) });
        fresh.Add(Input("b1", BridgeReport, null) with { Published = spring });
        var soon = fresh.Add(Input("b2", BridgeFollowUp, null) with { Published = spring.AddDays(1) });

        // Then only the next-day report joins
        Assert.NotEqual(first.StoryId, late.StoryId);
        Assert.Equal(first.StoryId, soon.StoryId);
    }

    [Fact]
    public void Create_OptionOutOfRange_ThrowsWithCode()
    {
        // Given options with a threshold above 1
        var options = StoryIndexOptions.Default with { StoryThreshold = 1.5 };

        // When / Then
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StoryIndex.Create(options));
        Assert.Contains("PX3201", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_EmptyArticleId_ThrowsWithCode()
    {
        // Given an index
        var index = StoryIndex.Create();

        // When / Then
        var e = Assert.Throws<ArgumentException>(() => index.Add(Input("", BridgeReport, null)));
        Assert.Contains("PX3202", e.Message, StringComparison.Ordinal);
    }

    internal static StoryInput Input(string id, string text, string? title) => new(id, text, title, null, null);
}
