using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Tests.Output;

public sealed class TextTableTests
{
    private static readonly IReadOnlyList<Column<(string Name, long Count, string Note)>> Columns =
    [
        new("name", r => r.Name),
        new("count", r => r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Numeric: true),
        new("note", r => r.Note, Detail: true),
    ];

    [Fact]
    public void Write_AlignsColumnsRightAlignsNumbersAndHidesDetailColumns()
    {
        var output = new StringWriter();

        TextTable.Write(output, Columns, [("CreateApp", 12, "x"), ("GetSegmentVersions", 7, "y")], wide: false);

        Assert.Equal(
            "NAME                COUNT\n" +
            "CreateApp              12\n" +
            "GetSegmentVersions      7\n",
            output.ToString());
    }

    [Fact]
    public void Write_Wide_ShowsDetailColumnsAndLongCellsWhole()
    {
        var output = new StringWriter();
        var longName = new string('a', 60);

        TextTable.Write(output, Columns, [(longName, 1, "note")], wide: true);

        Assert.Equal($"NAME{new string(' ', 58)}COUNT  NOTE\n{longName}      1  note\n", output.ToString());
    }

    [Fact]
    public void Write_CutsLongCellsWithAnEllipsis()
    {
        var output = new StringWriter();

        TextTable.Write(output, Columns, [(new string('b', 60), 1, "")], wide: false);

        var row = output.ToString().Split('\n')[1];
        Assert.Equal(new string('b', TextTable.CellWidth - 1) + "…      1", row);
    }

    [Fact]
    public void Write_WholeColumns_AreNeverCut()
    {
        var output = new StringWriter();
        var key = "AWSLogs/o-1/111111111111/CloudTrail/us-east-1/2024/06/01/111111111111_CloudTrail_us-east-1_20240601T0000Z_x.json.gz";

        TextTable.Write(output, [new Column<string>("key", k => k, Whole: true)], [key], wide: false);

        Assert.Equal($"KEY\n{key}\n", output.ToString());
    }

    [Fact]
    public void Write_EscapesControlCharactersFromTheTrail()
    {
        var output = new StringWriter();

        TextTable.Write(output, Columns, [("evil\u001b[2Jname\nline", 1, "")], wide: false);

        Assert.Equal("evil\\u001b[2Jname\\nline      1", output.ToString().Split('\n')[1]);
    }

    [Fact]
    public void Write_NoRows_PrintsTheHeader()
    {
        var output = new StringWriter();

        TextTable.Write(output, Columns, [], wide: false);

        Assert.Equal("NAME  COUNT\n", output.ToString());
    }

    [Fact]
    public void WriteFields_AlignsNamesAndLeavesEmptyValuesBare()
    {
        var output = new StringWriter();

        TextTable.WriteFields(output, [("name", "accounts/1"), ("display name", ""), ("events", "12")]);

        Assert.Equal("name          accounts/1\ndisplay name\nevents        12\n", output.ToString());
    }

    [Fact]
    public void FixedRow_PadsAndCutsToTheColumnWidths()
    {
        Assert.Equal("ab      12  abcd…", TextTable.FixedRow(["ab", "12", "abcdefgh"], [4, 4, 5], [false, true, false]));
    }
}
