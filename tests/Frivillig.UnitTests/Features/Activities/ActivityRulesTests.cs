namespace Frivillig.UnitTests.Features.Activities;

/// <summary>An activity changes only through its own methods, which keep its sequence, series end and events in step.</summary>
public sealed class ActivityRulesTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    private static ActivityDetails Details(bool rusfri = true) =>
        new("Kaffetreff", null, null, "mote-og-prat", ["eldre"], [], null, "Bydelshuset", null, IsDropIn: true, null, null, rusfri);

    private static Activity WeeklyDraft(int count = 4, bool rusfri = true)
    {
        var start = MunicipalClock.ToUtc(new DateTime(2027, 3, 18, 18, 0, 0), Oslo);
        return Activity.Draft(1, 1, Details(rusfri), new Series(start, start.AddHours(2), new RecurrenceRule(RecurrenceFrequency.Weekly, Count: count)), Oslo, Now);
    }

    private static DateTimeOffset Local(int month, int day, int hour = 18) => MunicipalClock.ToUtc(new DateTime(2027, month, day, hour, 0, 0), Oslo);

    [Fact]
    public void A_draft_raises_nothing_and_publishing_raises_published_once()
    {
        var activity = WeeklyDraft();
        activity.Edit(activity.DistrictId, activity.Details with { Place = "Et annet sted" }, activity.Series, Oslo, Now);
        Assert.Empty(activity.PendingEvents);
        Assert.Equal(0, activity.Sequence);

        activity.Publish(Now);
        activity.Publish(Now);
        Assert.IsType<ActivityPublished>(Assert.Single(activity.PendingEvents));
        Assert.Equal(ActivityStatus.Published, activity.Status);
        Assert.Equal(1, activity.Sequence);
    }

    [Fact]
    public void Publishing_without_the_rusfri_declaration_is_refused()
    {
        var activity = WeeklyDraft(rusfri: false);
        Assert.Throws<InvalidOperationException>(() => activity.Publish(Now));
        Assert.Equal(ActivityStatus.Draft, activity.Status);
    }

    [Fact]
    public void Cancelling_a_date_keeps_sequence_and_series_end_in_step()
    {
        var activity = WeeklyDraft(count: 3);
        activity.Publish(Now);
        var end = activity.SeriesEndsAt;
        Assert.Equal(Local(4, 1, 20), end); // the third Thursday, in summer time

        activity.MoveDate(Local(4, 1), Local(4, 8, 19), Local(4, 8, 21), "Flyttet en uke", Oslo, Now);
        Assert.Equal(Local(4, 8, 21), activity.SeriesEndsAt);
        Assert.Equal(2, activity.Sequence);

        activity.CancelDate(Local(3, 25), null, Oslo, Now);
        Assert.Equal(3, activity.Sequence);
        activity.RestoreDate(Local(4, 1), Oslo, Now);
        Assert.Equal(end, activity.SeriesEndsAt);
        Assert.Equal(4, activity.Sequence);
        Assert.Equal(["published", "date-moved", "date-cancelled", "updated"], activity.PendingEvents.OfType<ActivityEvent>().Select(e => e.Kind));
    }

    [Fact]
    public void A_date_that_is_not_in_the_series_cannot_be_changed()
    {
        var activity = WeeklyDraft();
        Assert.Throws<ArgumentException>(() => activity.CancelDate(Local(3, 19), null, Oslo, Now));
        Assert.Throws<ArgumentException>(() => activity.RestoreDate(Local(3, 25), Oslo, Now));
        Assert.Throws<ArgumentException>(() => activity.MoveDate(Local(3, 25), Local(3, 26, 20), Local(3, 26, 19), null, Oslo, Now));
        Assert.Empty(activity.DateChanges);
    }

    [Fact]
    public void A_published_activity_is_cancelled_before_it_is_deleted()
    {
        var activity = WeeklyDraft();
        activity.Publish(Now);
        Assert.False(activity.CanBeDeleted);
        Assert.Throws<InvalidOperationException>(activity.Delete);

        activity.Cancel(Now);
        activity.Delete();
        Assert.Equal(["published", "cancelled", "deleted"], activity.PendingEvents.OfType<ActivityEvent>().Select(e => e.Kind));
    }

    [Fact]
    public void An_edit_says_whether_the_time_or_the_place_changed()
    {
        var activity = WeeklyDraft();
        activity.Publish(Now);
        Assert.False(activity.Edit(activity.DistrictId, activity.Details with { Summary = "Ny tekst" }, activity.Series, Oslo, Now).TimeOrPlaceChanged);
        Assert.True(activity.Edit(activity.DistrictId, activity.Details with { Place = "Biblioteket" }, activity.Series, Oslo, Now).TimeOrPlaceChanged);
        var later = activity.Series with { Start = activity.StartsAt.AddHours(1), End = activity.EndsAt.AddHours(1) };
        var edit = activity.Edit(activity.DistrictId, activity.Details, later, Oslo, Now);
        Assert.True(edit.TimeOrPlaceChanged);
        Assert.Equal(later.Start.AddHours(-1), edit.PreviousStart);
    }

    [Fact]
    public void Sign_ups_move_between_place_waitlist_and_cancelled_only_forwards()
    {
        var activity = WeeklyDraft();
        activity.Publish(Now);
        var waiting = SignUp.Take(activity, null, new SignUpPerson("Kari", "kari@eksempel.no", null), room: false, "hash", Now);
        Assert.Equal(SignUpStatus.Waitlisted, waiting.Status);
        waiting.Promote(Now);
        Assert.True(waiting.HasPlace);
        Assert.Throws<InvalidOperationException>(() => waiting.Promote(Now));
        waiting.Cancel(Now);
        waiting.Cancel(Now);
        Assert.Equal(SignUpStatus.Cancelled, waiting.Status);
        Assert.Collection(waiting.PendingEvents, e => Assert.IsType<SignUpWaitlisted>(e), e => Assert.IsType<SignUpPromoted>(e),
            e => Assert.True(Assert.IsType<SignUpCancelled>(e).HadPlace));
    }
}
