using ArchitectAgents.Api.Webhooks;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Api.Tests.Webhooks;

public sealed class AnswerParserTests
{
    private static readonly List<ClarifyingQuestion> Questions =
    [
        new() { Id = "q-scale", Topic = "scale" },
        new() { Id = "q-team", Topic = "team" },
        new() { Id = "q-residency", Topic = "data residency" },
    ];

    [Fact]
    public void Map_NumberedAnswersWithPreambleAndContinuation_GoToTheirQuestions()
    {
        var answers = AnswerParser.Map("Thanks!\r\n> 1. How many users?\r\n1. About 4,000 members\r\n   growing to 10k\r\n3) EU only\r\n7. ignored", Questions);

        Assert.Equal(2, answers.Count);
        Assert.Equal("About 4,000 members growing to 10k", answers["q-scale"]);
        Assert.Equal("EU only", answers["q-residency"]);
    }

    [Fact]
    public void Map_AnswersKeyedByIdOrTopic_GoToTheirQuestions()
    {
        var answers = AnswerParser.Map("Data residency: Germany\nq-team: 2 engineers (Go)", Questions);

        Assert.Equal("Germany", answers["q-residency"]);
        Assert.Equal("2 engineers (Go)", answers["q-team"]);
        Assert.False(answers.ContainsKey("q-scale"));
    }

    [Fact]
    public void Map_OneLinePerQuestion_InOrder()
    {
        var answers = AnswerParser.Map("About 300 staff\n\nTwo engineers\nUK", Questions);

        Assert.Equal(["About 300 staff", "Two engineers", "UK"], Questions.Select(q => answers[q.Id]));
    }

    [Fact]
    public void Map_FreeText_AnswersEveryQuestion_QuotesAndEmptyRepliesAnswerNothing()
    {
        var answers = AnswerParser.Map("We expect 300 staff, built by two engineers, hosted in the EU.\nNothing else to add.", Questions);

        Assert.Equal(3, answers.Count);
        Assert.All(answers.Values, a => Assert.StartsWith("We expect 300 staff", a, StringComparison.Ordinal));
        Assert.Empty(AnswerParser.Map("> 1. quoted only\n\n", Questions));
    }
}
