using Frivillig.Model.Volunteering;

namespace Frivillig.UnitTests.Features.Volunteering;

public sealed class ReadinessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    private static VolunteerRole Role(bool declaration = false, bool trust = false, params string[] modules)
    {
        var role = VolunteerRole.Draft(7, new RoleDetails("Besøksvenn", "Besøk", "besok", null, 1, null, ["Prate"], ["Gi medisiner"], "K", "k@x.no", "S", ["s@x.no"], "1 t",
            modules, declaration, trust, null, [], TimeOfDay.None), Now);
        role.Id = 3;
        return role;
    }

    private static TrainingCompletion Done(string module, int version) => new() { UserId = "u", ModuleSlug = module, Version = version };

    [Fact]
    public void A_new_version_of_a_required_module_asks_for_it_again()
    {
        var role = Role(modules: "rollen-som-frivillig");
        Assert.Empty(Readiness.For(role, new Dictionary<string, int> { ["rollen-som-frivillig"] = 1 }, [Done("rollen-som-frivillig", 1)], 1, [], []));
        Assert.Equal([new Missing(MissingKind.Training, "rollen-som-frivillig")],
            Readiness.For(role, new Dictionary<string, int> { ["rollen-som-frivillig"] = 2 }, [Done("rollen-som-frivillig", 1)], 1, [], []));
    }

    [Fact]
    public void The_declaration_counts_for_its_role_or_the_whole_organisation_at_the_current_version_only()
    {
        var role = Role(declaration: true);
        DeclarationSignature Signed(int org, int? roleId, int version) => new() { UserId = "u", OrganisationId = org, RoleId = roleId, Version = version, SignedName = "U" };
        Assert.Empty(Readiness.For(role, new Dictionary<string, int>(), [], 1, [Signed(7, 3, 1)], []));
        Assert.Empty(Readiness.For(role, new Dictionary<string, int>(), [], 1, [Signed(7, null, 1)], []));
        Assert.Single(Readiness.For(role, new Dictionary<string, int>(), [], 1, [Signed(8, null, 1)], []));
        Assert.Single(Readiness.For(role, new Dictionary<string, int>(), [], 1, [Signed(7, 4, 1)], []));
        Assert.Single(Readiness.For(role, new Dictionary<string, int>(), [], 2, [Signed(7, 3, 1)], []));
    }

    [Fact]
    public void A_politiattest_is_asked_only_for_roles_of_trust_and_does_not_hold_back_the_briefing()
    {
        var missing = Readiness.For(Role(trust: true), new Dictionary<string, int>(), [], 1, [], []);
        Assert.Equal([new Missing(MissingKind.Politiattest)], missing);
        Assert.True(Readiness.MayReadBriefing(missing));
        Assert.Empty(Readiness.For(Role(), new Dictionary<string, int>(), [], 1, [], []));
        Assert.Empty(Readiness.For(Role(trust: true), new Dictionary<string, int>(), [], 1, [],
            [new PolitiattestShown { UserId = "u", OrganisationId = 7, SeenByUserId = "c", SeenByName = "C", ShownOn = new DateOnly(2026, 11, 1) }]));
    }

    [Fact]
    public void A_role_needs_both_lists_a_contact_and_the_staff()
    {
        var ok = Role().Details;
        Assert.Throws<ArgumentException>(() => VolunteerRole.Check(ok with { MayNotDo = [" "] }));
        Assert.Throws<ArgumentException>(() => VolunteerRole.Check(ok with { MayDo = [] }));
        Assert.Throws<ArgumentException>(() => VolunteerRole.Check(ok with { StaffEmails = [" "] }));
        Assert.Throws<ArgumentException>(() => VolunteerRole.Check(ok with { DistrictId = null, ActivityId = null }));
    }

    [Fact]
    public void Approval_is_refused_while_something_is_missing()
    {
        var role = Role();
        role.Open(Now);
        var application = RoleApplication.Apply(role, "u", null, Now);
        Assert.Throws<InvalidOperationException>(() => application.Approve([new Missing(MissingKind.Declaration)], "c", Now));
        application.Approve([], "c", Now);
        Assert.True(application.IsApproved);
    }
}
