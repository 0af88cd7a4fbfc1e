using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Home;

public sealed class IndexModel(MunicipalityDirectory directory) : PageModel
{
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Municipalities = await directory.ListAsync(ct);
}
