using Frivillig.Model.Events;

namespace Frivillig.Model.Activities;

/// <summary>A change to an activity that residents can see. <see cref="Kind"/> is what live pages are told.</summary>
public abstract record ActivityEvent(Activity Activity) : IDomainEvent
{
    public abstract string Kind { get; }
}

public sealed record ActivityPublished(Activity Activity) : ActivityEvent(Activity)
{
    public override string Kind => "published";
}

public sealed record ActivityUpdated(Activity Activity) : ActivityEvent(Activity)
{
    public override string Kind => "updated";
}

public sealed record ActivityCancelled(Activity Activity) : ActivityEvent(Activity)
{
    public override string Kind => "cancelled";
}

public sealed record ActivityDeleted(Activity Activity) : ActivityEvent(Activity)
{
    public override string Kind => "deleted";
}

public sealed record DateCancelled(Activity Activity, DateTimeOffset OriginalStart) : ActivityEvent(Activity)
{
    public override string Kind => "date-cancelled";
}

public sealed record DateMoved(Activity Activity, DateTimeOffset OriginalStart, DateTimeOffset NewStart) : ActivityEvent(Activity)
{
    public override string Kind => "date-moved";
}

/// <summary>A cancelled or moved date back as planned; to a page that is simply an update.</summary>
public sealed record DateRestored(Activity Activity, DateTimeOffset OriginalStart) : ActivityEvent(Activity)
{
    public override string Kind => "updated";
}

/// <summary>A change to someone's place: the places left on a date, and the organisation's counts.</summary>
public abstract record SignUpEvent(SignUp SignUp) : IDomainEvent
{
    /// <summary>The dates whose places changed; null stands for every date of the series.</summary>
    public virtual IEnumerable<DateTimeOffset?> Dates => [SignUp.OccurrenceStart];
}

public sealed record SignUpConfirmed(SignUp SignUp) : SignUpEvent(SignUp);

public sealed record SignUpWaitlisted(SignUp SignUp) : SignUpEvent(SignUp);

/// <summary>From the waitlist to a place: on the sign-up's own date, or on one full date of a series (<see cref="Date"/>).</summary>
public sealed record SignUpPromoted(SignUp SignUp, DateTimeOffset? Date = null) : SignUpEvent(SignUp)
{
    public override IEnumerable<DateTimeOffset?> Dates => [Date ?? SignUp.OccurrenceStart];
}

public sealed record SignUpCancelled(SignUp SignUp, bool HadPlace) : SignUpEvent(SignUp);

/// <summary>A sign-up on another date: it followed its date when the series moved, or the organiser moved it.</summary>
public sealed record SignUpMoved(SignUp SignUp, DateTimeOffset From, bool HadPlace) : SignUpEvent(SignUp)
{
    public override IEnumerable<DateTimeOffset?> Dates => [From, SignUp.OccurrenceStart];
}
