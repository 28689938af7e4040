using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Automation;

/// <summary>
/// "When this happens to a ticket that looks like this, do that": a trigger, a condition tree and a list of actions,
/// run in <see cref="Position"/> order by <see cref="RunAutomationRules"/>. Conditions and actions are kept as the
/// JSON the API takes (already checked), so the editor and the engine read the same thing.
/// </summary>
public sealed class AutomationRule
{
    public const int NameMaxLength = 120;

    private AutomationRule() { }

    public AutomationRule(string name, RuleTrigger trigger, string conditionsJson, string actionsJson, int position, bool enabled, bool stopProcessing, DateTime now)
    {
        Name = name;
        Position = position;
        Enabled = enabled;
        StopProcessing = stopProcessing;
        Change(trigger, conditionsJson, actionsJson);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool Enabled { get; private set; }
    public int Position { get; private set; }
    /// <summary>When it fires, the rules after it do not run for that event.</summary>
    public bool StopProcessing { get; private set; }
    /// <summary>A <c>TicketEvents</c> name.</summary>
    public string TriggerEvent { get; private set; } = "";
    /// <summary>For <c>ticket.updated</c>: only when this field changed.</summary>
    public string? TriggerField { get; private set; }
    /// <summary>Hours (time.idle), days (time.pending) or minutes (sla.warning).</summary>
    public int? TriggerAmount { get; private set; }
    public string ConditionsJson { get; private set; } = "{\"all\":[]}";
    /// <summary>The actions; a webhook secret is stored protected, never as typed.</summary>
    public string ActionsJson { get; private set; } = "[]";
    public DateTime CreatedAt { get; private set; }
    /// <summary>Also the engine's cache key: a parsed rule is reused until this moves.</summary>
    public DateTime UpdatedAt { get; private set; }

    public RuleTrigger Trigger => new(TriggerEvent, TriggerField, TriggerAmount);

    public void Rename(string name, DateTime now)
    {
        Name = name;
        UpdatedAt = now;
    }

    public void Change(RuleTrigger trigger, string conditionsJson, string actionsJson)
    {
        TriggerEvent = trigger.Event;
        TriggerField = trigger.Field;
        TriggerAmount = trigger.Amount;
        ConditionsJson = conditionsJson;
        ActionsJson = actionsJson;
    }

    public void Configure(bool enabled, bool stopProcessing, DateTime now)
    {
        Enabled = enabled;
        StopProcessing = stopProcessing;
        UpdatedAt = now;
    }

    public void MoveTo(int position, DateTime now)
    {
        Position = position;
        UpdatedAt = now;
    }

    public void Touch(DateTime now) => UpdatedAt = now;
}

internal sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> b)
    {
        b.ToTable("AutomationRules");
        b.Property(r => r.Name).HasMaxLength(AutomationRule.NameMaxLength);
        b.Property(r => r.TriggerEvent).HasMaxLength(50);
        b.Property(r => r.TriggerField).HasMaxLength(100);
        b.Ignore(r => r.Trigger);
        // The engine's query: the enabled rules of one trigger, in order.
        b.HasIndex(r => new { r.TriggerEvent, r.Enabled, r.Position });
    }
}
