namespace Frivillig.Model;

/// <summary>
/// The dates the app takes from anyone: query strings, forms and APIs. Far enough either way for any
/// plan a municipality makes, and far from the ends of DateTime, where date arithmetic throws.
/// </summary>
public static class CalendarBounds
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
