using System.Security.Cryptography;
using System.Text;
using PinpointAggregator.Aws.CloudTrail;

namespace PinpointAggregator.Aws.Tests.CloudTrail;

/// <summary>
/// A ListPublicKeys answer is read strictly: a well-formed answer gives its keys (each checked against its fingerprint)
/// and its token; an answer of any other shape is refused whole; a key that cannot be trusted is refused alone.
/// </summary>
public sealed class ListPublicKeysResponseParserTests
{
    private static readonly byte[] Spki = NewSpki();
    private static readonly string SpkiBase64 = Convert.ToBase64String(Spki);
    private static readonly string SpkiFingerprint = Md5(Spki);

    [Fact]
    public void Keys_WithTheirValidityAndFingerprint_AndTheNextToken()
    {
        using var rsa = RSA.Create(2048);
        var pkcs1 = rsa.ExportRSAPublicKey();
        var json = $$"""
            {"PublicKeyList":[
              {"Value":"{{SpkiBase64}}","ValidityStartTime":1.4529e9,"ValidityEndTime":1452993600.5,"Fingerprint":"{{SpkiFingerprint.ToUpperInvariant()}}","Extra":{"a":[1]} },
              {"Fingerprint":"{{Md5(pkcs1)}}","ValidityEndTime":1500000000,"ValidityStartTime":1400000000,"Value":"{{Convert.ToBase64String(pkcs1)}}"}
            ],"NextToken":"token-2","Unknown":null}
            """;

        var page = Parse(json);

        Assert.Equal(
            [(SpkiFingerprint, new DateTimeOffset(2016, 1, 15, 23, 20, 0, TimeSpan.Zero), new DateTimeOffset(2016, 1, 17, 1, 20, 0, 500, TimeSpan.Zero)),
             (Md5(pkcs1), DateTimeOffset.FromUnixTimeSeconds(1_400_000_000), DateTimeOffset.FromUnixTimeSeconds(1_500_000_000))],
            page.Keys.Select(k => (k.Key.Fingerprint, k.ValidFrom, k.ValidTo)));
        Assert.Equal(Spki, page.Keys[0].Key.Der.ToArray());
        Assert.Empty(page.Refused);
        Assert.Equal("token-2", page.NextToken);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"PublicKeyList":null,"NextToken":null}""")]
    [InlineData("""{"PublicKeyList":[],"NextToken":""}""")]
    [InlineData(" \n{\"PublicKeyList\":[]}\n ")]
    public void EmptyLastPage(string json)
    {
        var page = Parse(json);

        Assert.Equal((0, 0, (string?)null), (page.Keys.Count, page.Refused.Count, page.NextToken));
    }

    [Fact]
    public void StatedFingerprintThatIsNotTheMd5OfTheBytes_RefusesThatKeyAlone()
    {
        var other = Md5(NewSpki());

        var page = Parse($$"""{"PublicKeyList":[{{Key(fingerprint: other)}},{{Key()}}]}""");

        Assert.Equal(SpkiFingerprint, Assert.Single(page.Keys).Key.Fingerprint);
        var refused = Assert.Single(page.Refused);
        Assert.Equal((other, $"the stated fingerprint is not the MD5 of the key's bytes ({SpkiFingerprint})"), (refused.StatedFingerprint, refused.Reason));
    }

    [Theory]
    [InlineData("not base64!", "Value is not base64")]
    [InlineData("", "Value is not base64")]
    [InlineData("AAECAwQ=", "Value is not an RSA public key: ")]
    public void ValueThatIsNotAnRsaKey_RefusesThatKey(string value, string reason)
    {
        var page = Parse($$"""{"PublicKeyList":[{{Key(value: value)}}]}""");

        Assert.Empty(page.Keys);
        Assert.StartsWith(reason, Assert.Single(page.Refused).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidityEndingBeforeItStarts_RefusesThatKey()
    {
        var page = Parse($$"""{"PublicKeyList":[{{Key(start: "1500000000", end: "1400000000")}}]}""");

        Assert.Equal("ValidityEndTime is before ValidityStartTime", Assert.Single(page.Refused).Reason);
    }

    [Fact]
    public void FingerprintThatIsNotHex_IsNamedAsSuch()
    {
        var page = Parse($$"""{"PublicKeyList":[{{Key(fingerprint: @"zz\u0007")}}]}""");

        Assert.Equal("(not hex)", Assert.Single(page.Refused).StatedFingerprint);
    }

    [Theory]
    [InlineData("", "the answer is not valid JSON")]
    [InlineData("[]", "the answer is not a JSON object")]
    [InlineData("\"text\"", "the answer is not a JSON object")]
    [InlineData("""{"PublicKeyList":[]} {}""", "the answer is not valid JSON")]
    [InlineData("""{"PublicKeyList":[]}x""", "the answer is not valid JSON")]
    [InlineData("""{"PublicKeyList":[]""", "the answer is not valid JSON")]
    [InlineData("""{"PublicKeyList":[],"PublicKeyList":[]}""", "the field 'PublicKeyList' appears twice")]
    [InlineData("""{"PublicKeyList":{}}""", "PublicKeyList is not an array")]
    [InlineData("""{"PublicKeyList":[1]}""", "a PublicKeyList entry is not an object")]
    [InlineData("""{"PublicKeyList":[[]]}""", "a PublicKeyList entry is not an object")]
    [InlineData("""{"NextToken":5}""", "NextToken is not a string")]
    [InlineData("""{/*c*/"PublicKeyList":[]}""", "the answer is not valid JSON")]
    public void AnswerOfAnotherShape_IsRefusedWhole(string json, string reason)
    {
        var refused = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.StartsWith(reason, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Value", "Value")]
    [InlineData("Fingerprint", "Fingerprint")]
    [InlineData("ValidityStartTime", "ValidityStartTime")]
    [InlineData("ValidityEndTime", "ValidityEndTime")]
    public void EntryWithoutARequiredField_IsRefusedWhole(string field, string named)
    {
        var entry = Key().Replace($"\"{field}\":", "\"Other\":", StringComparison.Ordinal);

        var refused = Assert.Throws<InvalidDataException>(() => Parse($$"""{"PublicKeyList":[{{entry}}]}"""));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Value":1,"ValidityStartTime":1,"ValidityEndTime":2,"Fingerprint":"00"}""", "Value is not a string")]
    [InlineData("""{"Value":null,"ValidityStartTime":1,"ValidityEndTime":2,"Fingerprint":"00"}""", "Value is null")]
    [InlineData("""{"Value":"AA==","ValidityStartTime":"1","ValidityEndTime":2,"Fingerprint":"00"}""", "ValidityStartTime is not a number of epoch seconds")]
    [InlineData("""{"Value":"AA==","ValidityStartTime":1,"ValidityEndTime":null,"Fingerprint":"00"}""", "ValidityEndTime is not a number of epoch seconds")]
    [InlineData("""{"Value":"AA==","ValidityStartTime":-1,"ValidityEndTime":2,"Fingerprint":"00"}""", "ValidityStartTime is not a time between 1970 and 3000")]
    [InlineData("""{"Value":"AA==","ValidityStartTime":1,"ValidityEndTime":1e300,"Fingerprint":"00"}""", "ValidityEndTime is not a time between 1970 and 3000")]
    [InlineData("""{"Value":"AA==","ValidityStartTime":1,"ValidityEndTime":2,"Fingerprint":true}""", "Fingerprint is not a string")]
    [InlineData("""{"Value":"AA==","Value":"AA==","ValidityStartTime":1,"ValidityEndTime":2,"Fingerprint":"00"}""", "the field 'Value' appears twice")]
    public void EntryWithAFieldOfTheWrongType_IsRefusedWhole(string entry, string reason)
    {
        var refused = Assert.Throws<InvalidDataException>(() => Parse($$"""{"PublicKeyList":[{{entry}}]}"""));

        Assert.Equal(reason, refused.Message);
    }

    [Fact]
    public void Bounds_KeysPerPage_KeyLength_FingerprintLength_TokenLength()
    {
        var tooMany = string.Join(',', Enumerable.Repeat(Key(), ListPublicKeysResponseParser.MaxKeysPerPage + 1));
        Assert.Equal(
            $"PublicKeyList has more than {ListPublicKeysResponseParser.MaxKeysPerPage} keys",
            Assert.Throws<InvalidDataException>(() => Parse($$"""{"PublicKeyList":[{{tooMany}}]}""")).Message);
        Assert.Equal(ListPublicKeysResponseParser.MaxKeysPerPage, Parse($$"""{"PublicKeyList":[{{string.Join(',', Enumerable.Repeat(Key(), ListPublicKeysResponseParser.MaxKeysPerPage))}}]}""").Keys.Count);

        Assert.Equal(
            $"Value is longer than {ListPublicKeysResponseParser.MaxKeyChars} characters",
            Assert.Throws<InvalidDataException>(() => Parse($$"""{"PublicKeyList":[{{Key(value: new string('A', ListPublicKeysResponseParser.MaxKeyChars + 4))}}]}""")).Message);
        Assert.Equal(
            $"Fingerprint is longer than {ListPublicKeysResponseParser.MaxFingerprintChars} characters",
            Assert.Throws<InvalidDataException>(() => Parse($$"""{"PublicKeyList":[{{Key(fingerprint: new string('a', ListPublicKeysResponseParser.MaxFingerprintChars + 1))}}]}""")).Message);
        Assert.Equal(
            $"NextToken is longer than {ListPublicKeysResponseParser.MaxNextTokenChars} characters",
            Assert.Throws<InvalidDataException>(() => Parse($$"""{"NextToken":"{{new string('t', ListPublicKeysResponseParser.MaxNextTokenChars + 1)}}"}""")).Message);
        Assert.Equal(
            new string('t', ListPublicKeysResponseParser.MaxNextTokenChars),
            Parse($$"""{"NextToken":"{{new string('t', ListPublicKeysResponseParser.MaxNextTokenChars)}}"}""").NextToken);
    }

    [Fact]
    public void DeepNesting_InAnUnknownField_IsRefused()
    {
        var deep = new string('[', 40) + new string(']', 40);

        Assert.StartsWith("the answer is not valid JSON", Assert.Throws<InvalidDataException>(() => Parse($$"""{"Unknown":{{deep}}}""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"NextToken":"ab"}""");
        bytes[15] = 0xFF;

        Assert.Throws<InvalidDataException>(() => ListPublicKeysResponseParser.Parse(bytes));
    }

    private static ListPublicKeysPage Parse(string json) => ListPublicKeysResponseParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string Key(string? value = null, string? fingerprint = null, string start = "1400000000", string end = "1500000000") =>
        $$"""{"Value":"{{value ?? SpkiBase64}}","ValidityStartTime":{{start}},"ValidityEndTime":{{end}},"Fingerprint":"{{fingerprint ?? SpkiFingerprint}}"}""";

    private static byte[] NewSpki()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfo();
    }

#pragma warning disable CA5351 // CloudTrail's fingerprint is an MD5.
    private static string Md5(byte[] der) => Convert.ToHexStringLower(MD5.HashData(der));
#pragma warning restore CA5351
}
