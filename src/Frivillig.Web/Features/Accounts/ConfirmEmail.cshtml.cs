using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (string.IsNullOrEmpty(userId) || userId.Length > 450 || token is null)
        {
            return;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
