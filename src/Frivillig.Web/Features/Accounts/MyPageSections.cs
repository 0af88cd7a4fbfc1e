namespace Frivillig.Web.Features.Accounts;

/// <summary>
/// A feature's part of Min side (a person's bookings, their volunteering, their hours): a view
/// component the feature owns, drawn in <see cref="Order"/>. Register with <see cref="MyPageSectionExtensions.AddMyPageSection"/>.
/// </summary>
public sealed record MyPageSection(string ViewComponent, int Order);

public static class MyPageSectionExtensions
{
    /// <summary>Adds a view component (named without its "ViewComponent" suffix) to Min side.</summary>
    public static IServiceCollection AddMyPageSection(this IServiceCollection services, string viewComponent, int order) =>
        services.AddSingleton(new MyPageSection(viewComponent, order));
}
