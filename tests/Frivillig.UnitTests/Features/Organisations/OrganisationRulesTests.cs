namespace Frivillig.UnitTests.Features.Organisations;

public sealed class OrganisationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    private static Organisation Pending() => new() { Slug = "lag", Name = "Lag", ContactName = "K", ContactEmail = "k@eksempel.no" };

    [Fact]
    public void An_organisation_is_approved_once_and_says_by_whom()
    {
        var organisation = Pending();
        Assert.False(organisation.CanAct);
        organisation.Approve("admin-1", Now);
        Assert.True(organisation.CanAct);
        Assert.Equal("admin-1", organisation.DecidedByUserId);
        Assert.IsType<OrganisationApproved>(Assert.Single(organisation.PendingEvents));
        Assert.Throws<InvalidOperationException>(() => organisation.Reject("admin-2", "for sent", Now));
        Assert.Equal(ApprovalStatus.Approved, organisation.Status);
    }

    [Fact]
    public void A_rejection_keeps_its_reason()
    {
        var organisation = Pending();
        organisation.Reject("admin-1", "Mangler organisasjonsnummer", Now);
        Assert.Equal(ApprovalStatus.Rejected, organisation.Status);
        Assert.Equal("Mangler organisasjonsnummer", organisation.DecisionNote);
        Assert.False(organisation.CanAct);
    }
}
