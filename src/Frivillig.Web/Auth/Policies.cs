using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Auth;

/// <summary>
/// Who may do what, as named policies applied to page folders and API route groups by each feature's
/// module. Each requirement reads what it needs from the route (the organisation id, the
/// municipality resolved from {m}) and fails closed when it is not there.
/// </summary>
public static class Policies
{
    public const string OrganisationMember = "organisation-member";
    public const string OrganisationCoordinator = "organisation-coordinator";
    public const string OrganisationAdmin = "organisation-admin";
    public const string MunicipalityAdmin = "municipality-admin";
    public const string PremisesManager = "premises-manager";
    public const string PlatformAdmin = "platform-admin";

    /// <summary>The route value that names the organisation a page or endpoint works on.</summary>
    public const string OrganisationRouteKey = "orgId";

    public static IServiceCollection AddFrivilligPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganisationMember, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRoleRequirement(OrganisationRole.Member)))
            .AddPolicy(OrganisationCoordinator, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRoleRequirement(OrganisationRole.Coordinator)))
            .AddPolicy(OrganisationAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRoleRequirement(OrganisationRole.Admin)))
            .AddPolicy(MunicipalityAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new MunicipalityRoleRequirement(MunicipalityRole.Admin)))
            .AddPolicy(PremisesManager, p => p.RequireAuthenticatedUser().AddRequirements(new MunicipalityRoleRequirement(MunicipalityRole.PremisesManager)))
            .AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.PlatformAdminClaim, "true"));
        services.AddScoped<IAuthorizationHandler, OrganisationRoleHandler>();
        services.AddScoped<IAuthorizationHandler, MunicipalityRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundAwareResultHandler>();
        return services;
    }
}

/// <summary>A role in the organisation named by the route's orgId, or a higher one (member &lt; coordinator &lt; admin).</summary>
public sealed class OrganisationRoleRequirement(OrganisationRole minimum) : IAuthorizationRequirement
{
    public OrganisationRole Minimum => minimum;
}

/// <summary>A staff role in the municipality of the route ({m}).</summary>
public sealed class MunicipalityRoleRequirement(MunicipalityRole role) : IAuthorizationRequirement
{
    public MunicipalityRole Role => role;
}

/// <summary>Why a request failed that is better told as "not found": the thing is not in this municipality.</summary>
internal sealed class NotInThisMunicipality(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, "Not found in this municipality.");

internal sealed class OrganisationRoleHandler(FrivilligDbContext db, CurrentUser me) : AuthorizationHandler<OrganisationRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganisationRoleRequirement requirement)
    {
        // No municipality or no organisation in the route means no decision can be made: fail.
        if (context.Resource is not HttpContext http || db.Tenant.MunicipalityId is null
            || http.GetRouteValue(Policies.OrganisationRouteKey) is not string text
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var organisationId))
        {
            context.Fail();
            return;
        }

        // Through the tenant filter: another municipality's organisation is simply not there.
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, http.RequestAborted))
        {
            context.Fail(new NotInThisMunicipality(this));
            return;
        }

        if (await me.RoleInAsync(organisationId, http.RequestAborted) is { } role && role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail();
        }
    }
}

internal sealed class MunicipalityRoleHandler(CurrentUser me) : AuthorizationHandler<MunicipalityRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MunicipalityRoleRequirement requirement)
    {
        // HasMunicipalityRoleAsync answers false when the route has no municipality.
        if (context.Resource is HttpContext http && await me.HasMunicipalityRoleAsync(requirement.Role, http.RequestAborted))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail();
        }
    }
}

/// <summary>Answers 404 when the policy failed because the thing is not in this municipality; otherwise as usual (sign-in or 403).</summary>
internal sealed class NotFoundAwareResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.AuthorizationFailure?.FailureReasons.OfType<NotInThisMunicipality>().Any() == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
