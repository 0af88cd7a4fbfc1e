using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Features.Municipalities;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddFrivilligOptions();
builder.AddData();
builder.AddAccounts();
builder.AddOpenIdConnectProvider();
builder.AddEmail();
builder.AddWeb();

var app = builder.Build();

await app.MigrateAndLoadContentAsync();

app.UseFrivilligPipeline();
app.MapFrivilligEndpoints();
app.MapMunicipalitiesApi();
app.MapOrganisationsApi();
app.MapActivitiesApi();
app.MapFeeds();
app.MapOpenIdConnect();

app.Run();

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
