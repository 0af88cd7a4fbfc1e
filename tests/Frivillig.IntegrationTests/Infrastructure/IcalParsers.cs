using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>
/// iCalendar parsers written by others, run as separate processes: python3-icalendar (Debian's own
/// interpreter) and Mozilla's ical.js (Node, tests/js). Each expands a calendar for a window and
/// returns (UID, local start with offset) per occurrence.
/// </summary>
public static class IcalParsers
{
    public static List<(string Uid, string Start)> Python(string calendar, string from, string to) =>
        Expand("/usr/bin/python3", Path.Combine(AppContext.BaseDirectory, "Features", "Feeds", "expand_ics.py"), calendar, from, to);

    public static List<(string Uid, string Start)> IcalJs(string calendar, string from, string to) =>
        Expand("node", Path.Combine(RepositoryRoot(), "tests", "js", "expand-ics.mjs"), calendar, from, to);

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Frivillig.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Frivillig.sln not found.");
    }

    private static List<(string Uid, string Start)> Expand(string program, string script, string calendar, string from, string to)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, calendar);
        using var process = Process.Start(new ProcessStartInfo(program, [script, file, from, to]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(file);
        Assert.True(process.ExitCode == 0, error);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(o => (o.GetProperty("uid").GetString()!, DateTimeOffset.Parse(o.GetProperty("start").GetString()!, CultureInfo.InvariantCulture)
                .ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)))];
    }
}
