using Frivillig.Model.Volunteering;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>The Norwegian names (resource keys) of the kinds of task, days, times of day and what is missing.</summary>
public static class VolunteerLabels
{
    public static readonly string[] TaskKinds = ["besok", "moteplass", "tur", "leksehjelp", "demens", "digital", "annet"];

    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly TimeOfDay[] Times = [TimeOfDay.Morning, TimeOfDay.Afternoon, TimeOfDay.Evening];

    public static string TaskKind(string kind) => kind switch
    {
        "besok" => "Besøk og samtale",
        "moteplass" => "Møteplass og kafé",
        "tur" => "Tur og friluft",
        "leksehjelp" => "Leksehjelp",
        "demens" => "Aktivitet for personer med demens",
        "digital" => "Digital hjelp",
        _ => "Annet",
    };

    public static string Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "mandag",
        DayOfWeek.Tuesday => "tirsdag",
        DayOfWeek.Wednesday => "onsdag",
        DayOfWeek.Thursday => "torsdag",
        DayOfWeek.Friday => "fredag",
        DayOfWeek.Saturday => "lørdag",
        _ => "søndag",
    };

    public static string Time(TimeOfDay time) => time switch
    {
        TimeOfDay.Morning => "formiddag",
        TimeOfDay.Afternoon => "ettermiddag",
        TimeOfDay.Evening => "kveld",
        _ => "når som helst",
    };

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Applied => "Søkt, venter på svar",
        ApplicationStatus.Approved => "Godkjent",
        ApplicationStatus.Declined => "Ikke godkjent",
        _ => "Trukket",
    };

    public static string Missing(MissingKind kind) => kind switch
    {
        MissingKind.Training => "Opplæring",
        MissingKind.Declaration => "Taushetserklæring",
        _ => "Politiattest",
    };

    public static TimeOfDay TimeOf(int hour) => hour < 12 ? TimeOfDay.Morning : hour < 17 ? TimeOfDay.Afternoon : TimeOfDay.Evening;

    /// <summary>Days as a form posts them (names, any case; never numbers); false on anything else.</summary>
    public static bool TryParseDays(IEnumerable<string> values, out List<DayOfWeek> days)
    {
        days = [];
        foreach (var d in values.Take(8))
        {
            if (!Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(d, out _))
            {
                return false;
            }

            days.Add(day);
        }

        return true;
    }

    /// <summary>Times of day as a form posts them (names of <see cref="Times"/>; never numbers); false on anything else.</summary>
    public static bool TryParseTimes(IEnumerable<string> values, out TimeOfDay times)
    {
        times = TimeOfDay.None;
        foreach (var x in values.Take(4))
        {
            if (!Enum.TryParse<TimeOfDay>(x, ignoreCase: true, out var time) || !Times.Contains(time) || int.TryParse(x, out _))
            {
                return false;
            }

            times |= time;
        }

        return true;
    }
}
