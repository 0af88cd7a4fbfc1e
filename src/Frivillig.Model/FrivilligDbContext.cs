using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Frivillig.Model;

public sealed class FrivilligDbContext(DbContextOptions<FrivilligDbContext> options, TenantContext tenant)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationDistrict> OrganisationDistricts => Set<OrganisationDistrict>();
    public DbSet<OrganisationMembership> Memberships => Set<OrganisationMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MunicipalityRoleAssignment> MunicipalityRoles => Set<MunicipalityRoleAssignment>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<DateChange> DateChanges => Set<DateChange>();
    public DbSet<SignUp> SignUps => Set<SignUp>();
    public DbSet<WaitlistedDate> WaitlistedDates => Set<WaitlistedDate>();
    public DbSet<Picture> Pictures => Set<Picture>();
    public DbSet<Realtime.JournalEntry> LiveJournal => Set<Realtime.JournalEntry>();
    public DbSet<Premises.Building> Buildings => Set<Premises.Building>();
    public DbSet<Premises.Room> Rooms => Set<Premises.Room>();
    public DbSet<Premises.BookableWindow> BookableWindows => Set<Premises.BookableWindow>();
    public DbSet<Premises.Closure> Closures => Set<Premises.Closure>();
    public DbSet<Premises.Season> Seasons => Set<Premises.Season>();
    public DbSet<Premises.Booking> Bookings => Set<Premises.Booking>();
    public DbSet<Premises.BookingDate> BookingDates => Set<Premises.BookingDate>();
    public DbSet<Premises.OccupiedSlot> OccupiedSlots => Set<Premises.OccupiedSlot>();
    public DbSet<Volunteering.VolunteerRole> VolunteerRoles => Set<Volunteering.VolunteerRole>();
    public DbSet<Volunteering.VolunteerProfile> VolunteerProfiles => Set<Volunteering.VolunteerProfile>();
    public DbSet<Volunteering.TrainingCompletion> TrainingCompletions => Set<Volunteering.TrainingCompletion>();
    public DbSet<Volunteering.DeclarationSignature> DeclarationSignatures => Set<Volunteering.DeclarationSignature>();
    public DbSet<Volunteering.PolitiattestShown> Politiattester => Set<Volunteering.PolitiattestShown>();
    public DbSet<Volunteering.RoleApplication> RoleApplications => Set<Volunteering.RoleApplication>();
    public DbSet<Volunteering.Shift> Shifts => Set<Volunteering.Shift>();
    public DbSet<Volunteering.ShiftSignUp> ShiftSignUps => Set<Volunteering.ShiftSignUp>();
    public DbSet<Volunteering.BriefingView> BriefingViews => Set<Volunteering.BriefingView>();

    public TenantContext Tenant => tenant;

    /// <summary>Read by the query filters at query time; null matches no row, so a missing tenant sees nothing.</summary>
    internal int? CurrentMunicipalityId => tenant.MunicipalityId;

    internal bool IsSystemScope => tenant.IsSystem;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite cannot order or compare DateTimeOffset stored as text. Instants are always UTC here,
            // so the binary form orders correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz takes only offset 0 from Npgsql; an instant with another offset is the same instant in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FrivilligDbContext).Assembly);
        builder.UseOpenIddict();
        ConfigureSearch(builder);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter(entityType.ClrType));
        }
    }

    /// <summary>The name of the full-text search column (PostgreSQL) or table (SQLite) over activities' text.</summary>
    public const string ActivitySearch = "ActivitySearch";

    /// <summary>
    /// Full-text search over an activity's words, in each database's own engine. PostgreSQL keeps a
    /// stored tsvector in the row (Norwegian snowball stemming, so "turer" finds "tur"), with a GIN index.
    /// SQLite keeps an FTS5 table beside Activities, filled by triggers written in its migration (the
    /// model cannot describe it); the query side stems Norwegian words itself and searches by prefix.
    /// </summary>
    private void ConfigureSearch(ModelBuilder builder)
    {
        if (!Database.IsNpgsql())
        {
            return;
        }

        builder.Entity<Activity>().Property<NpgsqlTypes.NpgsqlTsVector>(ActivitySearch)
            .HasComputedColumnSql("""to_tsvector('norwegian'::regconfig, coalesce("Title", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("Description", '') || ' ' || coalesce("Place", '') || ' ' || coalesce("StreetAddress", '') || ' ' || coalesce("City", ''))""", stored: true);
        builder.Entity<Activity>().HasIndex(ActivitySearch).HasMethod("GIN");
    }

    private LambdaExpression TenantFilter(Type type)
    {
        // e => this.IsSystemScope || e.MunicipalityId == this.CurrentMunicipalityId
        var e = Expression.Parameter(type, "e");
        var self = Expression.Constant(this);
        var body = Expression.OrElse(
            Expression.Property(self, nameof(IsSystemScope)),
            Expression.Equal(
                Expression.Convert(Expression.Property(e, nameof(ITenantOwned.MunicipalityId)), typeof(int?)),
                Expression.Property(self, nameof(CurrentMunicipalityId))));
        return Expression.Lambda(body, e);
    }

    /// <summary>
    /// Serialises the writers that count rows and then insert against one parent row (places left on an
    /// activity, a room's bookings). Call inside a transaction. On SQLite the transaction already holds
    /// the database's single write lock (EF begins it IMMEDIATE); on PostgreSQL the parent row is locked
    /// FOR UPDATE until commit, so a second writer waits and then counts what the first one added.
    /// </summary>
    public async Task LockRowAsync<TEntity>(int id, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("LockRowAsync needs a transaction; the lock lasts until it ends.");
        }

        if (Database.IsNpgsql())
        {
            var entity = Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
            var table = entity.GetTableName();
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
#pragma warning disable EF1002 // Table and column names come from the model, never from input; the id is a parameter.
            await Database.ExecuteSqlRawAsync($"SELECT 1 FROM \"{table}\" WHERE \"{key}\" = {{0}} FOR UPDATE", [id], cancellationToken);
#pragma warning restore EF1002
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantWriteGuard.Check(this, tenant);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantWriteGuard.Check(this, tenant);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
