using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Automation;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Sla;

/// <summary>The targets of one priority, in working minutes of the policy's calendar; null means "no target".</summary>
public sealed record SlaTargetMinutes(int? FirstResponseMinutes, int? NextResponseMinutes, int? ResolutionMinutes)
{
    public int? For(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponseMinutes,
        SlaTargetKind.NextResponse => NextResponseMinutes,
        _ => ResolutionMinutes,
    };
}

/// <summary>
/// Service targets for the tickets its conditions match: policies are tried in <see cref="Position"/> order and the
/// first that matches applies. Times are working time of its <see cref="BusinessHours"/> (none: around the clock, UTC).
/// </summary>
public sealed class SlaPolicy
{
    public const int NameMaxLength = 100;
    public const int DefaultWarningMinutes = 30;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SlaPolicy() { }

    public SlaPolicy(string name, int position) => (Name, Position) = (name, position);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Position { get; private set; }
    public int? BusinessHoursId { get; private set; }
    /// <summary>The condition tree as the API wrote it (checked by <see cref="ConditionParser"/>); empty matches every ticket.</summary>
    public string ConditionsJson { get; private set; } = "{\"all\":[]}";
    /// <summary>Targets per priority, keyed "urgent", "high", "normal", "low".</summary>
    public string TargetsJson { get; private set; } = "{}";
    /// <summary>How long before a target falls due the <c>sla.warning</c> event fires.</summary>
    public int WarningMinutes { get; private set; } = DefaultWarningMinutes;

    public void Rename(string name) => Name = name;

    public void MoveTo(int position) => Position = position;

    public void MeasureIn(int? businessHoursId) => BusinessHoursId = businessHoursId;

    public void WarnBefore(int minutes) => WarningMinutes = minutes;

    public void SetConditions(JsonNode? conditions) => ConditionsJson = conditions?.ToJsonString() ?? "{\"all\":[]}";

    public void SetTargets(IReadOnlyDictionary<Priority, SlaTargetMinutes> targets) =>
        TargetsJson = JsonSerializer.Serialize(targets.ToDictionary(t => PriorityKey(t.Key), t => t.Value), Json);

    public IReadOnlyDictionary<Priority, SlaTargetMinutes> Targets =>
        (JsonSerializer.Deserialize<Dictionary<string, SlaTargetMinutes>>(TargetsJson, Json) ?? [])
            .Where(t => Enum.TryParse<Priority>(t.Key, ignoreCase: true, out _))
            .ToDictionary(t => Enum.Parse<Priority>(t.Key, ignoreCase: true), t => t.Value);

    public int? MinutesFor(Priority priority, SlaTargetKind kind) => Targets.GetValueOrDefault(priority)?.For(kind);

    /// <summary>The stored conditions as the evaluator's tree (they were valid when saved).</summary>
    public RuleCondition Conditions() => ConditionParser.Parse(JsonNode.Parse(ConditionsJson), new ValidationErrors());

    public static string PriorityKey(Priority priority) => JsonNamingPolicy.CamelCase.ConvertName(priority.ToString());
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.Property(p => p.Name).HasMaxLength(SlaPolicy.NameMaxLength);
        b.Property(p => p.ConditionsJson).HasMaxLength(100_000);
        b.Property(p => p.TargetsJson).HasMaxLength(10_000);
        b.Ignore(p => p.Targets);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasIndex(p => new { p.Position, p.Id });
        b.HasOne<BusinessHours>().WithMany().HasForeignKey(p => p.BusinessHoursId).OnDelete(DeleteBehavior.Restrict);
    }
}
