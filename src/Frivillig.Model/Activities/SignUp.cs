using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace Frivillig.Model.Activities;

public enum SignUpStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A resident's place on one date (<see cref="OccurrenceStart"/>) or on the whole series (null).
/// No account: a name and an e-mail or phone, and a secret link to cancel.
/// </summary>
public sealed class SignUp : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public DateTimeOffset? OccurrenceStart { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public SignUpStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>SEQUENCE of the invitation in the person's own calendar (UID signup-{Id}); grows with each update sent.</summary>
    public int CalendarSequence { get; set; }

    public string CalendarUid => $"signup-{Id}@frivillig";
}

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.ActivityId, s.OccurrenceStart, s.Status });
        builder.HasOne(s => s.Activity).WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}
