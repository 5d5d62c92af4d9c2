using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Tests.Output;

public sealed class CsvTextTests
{
    private static readonly IReadOnlyList<Column<(string A, string B)>> Columns = [new("a", r => r.A), new("b_detail", r => r.B, Detail: true)];

    [Fact]
    public void Write_HeaderThenRows_EveryColumnIncludingDetail()
    {
        var output = new StringWriter();

        CsvText.Write(output, Columns, [("1", "2"), ("x", "")]);

        Assert.Equal("a,b_detail\n1,2\nx,\n", output.ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("cr\rhere", "cr\\rhere")]
    [InlineData("\u001b[2Jgone", "\\u001b[2Jgone")]
    [InlineData("\u009bcsi", "\\u009bcsi")]
    [InlineData("abc\u202edcba", "abc\\u202edcba")]
    [InlineData("", "")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "\\tx")]
    [InlineData("a=b", "a=b")]
    public void Field_QuotesAsRfc4180Says_AndDisarmsFormulas(string value, string expected)
    {
        Assert.Equal(expected, CsvText.Field(value));
    }
}
