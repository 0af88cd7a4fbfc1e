namespace Frivillig.IntegrationTests.Features.HostileInput;

/// <summary>What the walk types into every field and query parameter, and the bodies it sends that cannot be read.</summary>
public static class HostileValues
{
    public const string Script = "<script>alert('frivillig')</script>";
    public const string Image = "\"><img src=x onerror=alert('frivillig')>";
    public const string HeaderInjection = "Ola\r\nBcc: offer@eksempel.no\r\nX-Injected: 1";
    public const string CalendarInjection = "Kurs\r\nX-INJECTED:1\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM";

    /// <summary>Markup that must never come back unescaped in a page.</summary>
    public static readonly string[] Markup = [Script, "<img src=x onerror=alert('frivillig')>"];

    public static readonly string[] Text =
    [
        Script,
        Image,
        HeaderInjection,
        CalendarInjection,
        "a\0b",
        "Ola 😀 𝕏 \u202Eevil",
        "   ",
        string.Empty,
        new string('x', 100_000),
        "../../etc/passwd",
        "' OR 1=1 --",
        "{{Name}} %s%s%s {0}",
        string.Concat(Enumerable.Repeat("> ", 300)) + "x",
        "javascript:alert(1)",
    ];

    public static readonly string[] Extreme =
    [
        "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN", "0x10",
        "0001-01-01", "9999-12-31", "2026-02-30", "24:00", "25:61", "not-a-date",
        "true", "serie",
    ];

    public static IEnumerable<string> All => Text.Concat(Extreme);

    /// <summary>Bodies a form post cannot be read from: each must get a 4xx, never a 5xx.</summary>
    public static IEnumerable<(string What, HttpContent Body)> UnreadableBodies(string token)
    {
        const string form = "application/x-www-form-urlencoded";
        static HttpContent Raw(byte[] body, string type) => new ByteArrayContent(body) { Headers = { { "Content-Type", type } } };
        static byte[] Utf8(string s) => System.Text.Encoding.UTF8.GetBytes(s);
        var t = "__RequestVerificationToken=" + Uri.EscapeDataString(token);
        yield return ("NUL-byte", Raw(Utf8(t + "&a=b%00c&a%00b=c"), form));
        yield return ("5000 felt", Raw(Utf8(t + "&" + string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=x"))), form));
        yield return ("5 MB verdi", Raw(Utf8(t + "&a=" + new string('x', 5_000_000)), form));
        yield return ("3000 tegn langt navn", Raw(Utf8(t + "&" + new string('k', 3000) + "=x"), form));
        yield return ("multipart uten grense", Raw(Utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"), "multipart/form-data"));
        yield return ("avkuttet multipart", Raw(Utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"), "multipart/form-data; boundary=x"));
        yield return ("JSON som skjema", Raw(Utf8("{\"a\":"), "application/json"));
    }

    /// <summary>Bodies that are odd but readable: invalid UTF-8 is decoded with replacement characters. No 5xx.</summary>
    public static IEnumerable<(string What, HttpContent Body)> OddBodies(string token)
    {
        var t = System.Text.Encoding.UTF8.GetBytes("__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&a=");
        yield return ("ugyldig UTF-8", new ByteArrayContent([.. t, 0xff, 0xfe, 0xc3]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });
        yield return ("tom kropp", new ByteArrayContent([]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });
        yield return ("ukjent innholdstype", new ByteArrayContent(t) { Headers = { { "Content-Type", "text/plain" } } });
    }
}
