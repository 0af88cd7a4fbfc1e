using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>A printable certificate of the person's volunteering: approved hours per organisation, in every municipality.</summary>
public sealed class CertificateModel(FrivilligDbContext db, CurrentUser me, TimeProvider time) : PageModel
{
    public string Name => me.DisplayName;
    public IReadOnlyList<MyHours> Hours { get; private set; } = [];
    public DateTimeOffset Today => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) =>
        Hours = [.. (await MyVolunteeringViewComponent.ReadAsync(db, me.RequiredId, time, ct)).Hours.Where(h => h.Approved > 0)];
}
