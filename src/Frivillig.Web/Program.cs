using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Features.About;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Admin;
using Frivillig.Web.Features.Calendar;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Features.Municipalities;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Features.Pictures;
using Frivillig.Web.Features.Premises;
using Frivillig.Web.Features.Volunteering;
using Frivillig.Web.Hosting;

SharedBuffers.KeepEnoughForLivePages();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });

// The platform: what every feature stands on.
builder.AddFrivilligOptions();
builder.AddData();
builder.AddAccounts();
builder.AddOpenIdConnectProvider();
builder.AddEmail();
builder.AddRealtime();
builder.AddWeb();

// The features, each from its own folder; demo content is seeded in this order.
builder.AddModule<MunicipalitiesModule>();
builder.AddModule<AboutModule>();
builder.AddModule<PicturesModule>();
builder.AddModule<AccountsModule>();
builder.AddModule<OrganisationsModule>();
builder.AddModule<AdminModule>();
builder.AddModule<ActivitiesModule>();
builder.AddModule<CalendarModule>();
builder.AddModule<FeedsModule>();
builder.AddModule<PremisesModule>();
builder.AddModule<VolunteeringModule>();

var app = builder.Build();

await app.MigrateAndLoadContentAsync();

app.UseFrivilligPipeline();
app.MapPlatformEndpoints();
app.MapModules();

app.Run();

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
