using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Hosting;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Organisations;

/// <summary>Organisations: registering, their public pages and API, inviting members; the demo organisations and their members.</summary>
public sealed class OrganisationsModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Organisations/Register");
            o.Conventions.AuthorizeFolder("/Organisations/Manage", Policies.OrganisationAdmin);
        });
        builder.Services.AddNavigationLink(new("Organisasjoner", "organisasjoner", 20));
        builder.Services.AddAfterCommitHandler<OrganisationApproved, OrganisationCache>(AfterCommitStage.Invalidate);
        builder.Services.AddHubScope(new HubScope("organisations", (db, slug, _) => db.Organisations.AnyAsync(o => o.Slug == slug && o.Status == ApprovalStatus.Approved)));
        // Sign-up counts for an organisation's own members; anyone else is refused with a reason.
        builder.Services.AddHubScope(new HubScope("members", async (db, slug, caller) =>
        {
            var userId = caller.User?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            return userId is not null && await db.Memberships.AnyAsync(m => m.UserId == userId && m.Organisation!.Slug == slug)
                ? true
                : throw new HubException("Bare medlemmer av organisasjonen kan følge dette scope.");
        }));
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOrganisationsApi();

    public async Task SeedDemoAsync(DemoContent demo, CancellationToken cancellationToken)
    {
        if (await demo.Db.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var o in demo.ReadList<DemoOrganisation>("organisations.json"))
        {
            var municipality = demo.Municipalities[o.Municipality];
            var organisation = new Organisation
            {
                MunicipalityId = municipality.Id,
                Slug = o.Slug,
                Name = o.Name,
                Kind = o.Kind,
                OrganisationNumber = o.OrganisationNumber,
                Description = o.Description,
                ContactName = o.ContactName,
                ContactEmail = o.ContactEmail,
                CreatedAt = demo.Now,
                Districts = [.. o.Districts.Select(slug => new OrganisationDistrict { MunicipalityId = municipality.Id, DistrictId = demo.District(o.Municipality, slug).Id })],
            };
            foreach (var member in o.Members)
            {
                organisation.Members.Add(new OrganisationMembership
                {
                    MunicipalityId = municipality.Id, UserId = await demo.UserIdAsync(member.Email), Role = member.Role, JoinedAt = demo.Now,
                });
            }

            if (o.Status == ApprovalStatus.Approved)
            {
                organisation.Approve("demo", demo.Now);
            }

            demo.Db.Organisations.Add(organisation);
        }

        await demo.Db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoOrganisation(string Municipality, string Slug, string Name, OrganisationKind Kind, string? OrganisationNumber,
        string? Description, string ContactName, string ContactEmail, List<string> Districts, ApprovalStatus Status)
    {
        public List<DemoMember> Members { get; init; } = [];
    }

    private sealed record DemoMember(string Email, OrganisationRole Role);
}
