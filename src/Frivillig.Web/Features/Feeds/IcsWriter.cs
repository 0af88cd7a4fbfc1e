using System.Globalization;
using System.Text;

namespace Frivillig.Web.Features.Feeds;

/// <summary>
/// A small RFC 5545 content-line writer for the bulk feeds, where a general serializer is too slow
/// (see README, Performance). TEXT values are escaped (\\ \; \, \n) and every line is folded at 75
/// octets without splitting a UTF-8 sequence, so no value can start a line of its own.
/// </summary>
public sealed class IcsWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _sb = new(capacity: 64 * 1024);

    public IcsWriter Line(string nameAndParameters, string rawValue)
    {
        Fold(nameAndParameters + ":" + rawValue);
        return this;
    }

    public IcsWriter Text(string name, string? value) => value is null ? this : Line(name, Escape(value));

    public IcsWriter TextList(string name, IEnumerable<string> values)
    {
        var joined = string.Join(',', values.Select(Escape));
        return joined.Length == 0 ? this : Line(name, joined);
    }

    public IcsWriter Local(string name, string tzid, DateTime local) =>
        Line($"{name};TZID={tzid}", local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));

    /// <summary>GEO:latitude;longitude, when both are known.</summary>
    public IcsWriter Geo(double? latitude, double? longitude) => latitude is { } lat && longitude is { } lon
        ? Line("GEO", string.Create(CultureInfo.InvariantCulture, $"{lat:0.######};{lon:0.######}"))
        : this;

    public IcsWriter Utc(string name, DateTimeOffset instant) =>
        Line(name, instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A pre-serialized block (the VTIMEZONE), already folded and CRLF-terminated.</summary>
    public IcsWriter Raw(string block)
    {
        _sb.Append(block);
        if (!block.EndsWith("\r\n", StringComparison.Ordinal))
        {
            _sb.Append("\r\n");
        }

        return this;
    }

    public override string ToString() => _sb.ToString();

    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    sb.Append("\\n");
                    break;
                case '\n': sb.Append("\\n"); break;
                default:
                    // Other control characters have no place in a content line.
                    if (!char.IsControl(c) && c is not ('\u2028' or '\u2029' or '\u0085'))
                    {
                        sb.Append(c);
                    }
                    else if (c == '\t')
                    {
                        sb.Append(' ');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private void Fold(string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var width = char.IsHighSurrogate(c) ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (octets + width > MaxOctets)
            {
                _sb.Append("\r\n ");
                octets = 1; // the leading space
            }

            _sb.Append(c);
            if (char.IsHighSurrogate(c) && i + 1 < line.Length)
            {
                _sb.Append(line[++i]);
            }

            octets += width;
        }

        _sb.Append("\r\n");
    }
}
