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
public abstract record SignUpEvent(SignUp SignUp) : IDomainEvent;

public sealed record SignUpConfirmed(SignUp SignUp) : SignUpEvent(SignUp);

public sealed record SignUpWaitlisted(SignUp SignUp) : SignUpEvent(SignUp);

public sealed record SignUpPromoted(SignUp SignUp) : SignUpEvent(SignUp);

public sealed record SignUpCancelled(SignUp SignUp, bool HadPlace) : SignUpEvent(SignUp);

/// <summary>A sign-up that followed its date when the series moved to another time of day.</summary>
public sealed record SignUpMoved(SignUp SignUp, DateTimeOffset From) : SignUpEvent(SignUp);
