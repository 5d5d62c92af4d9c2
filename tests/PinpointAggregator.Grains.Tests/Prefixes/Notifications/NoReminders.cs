using Orleans.Timers;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// Reminders that never tick: a prefix registers its poll reminder, and the test alone decides when it polls
/// (a reminder computing its ticks from the test's clock would poll whenever the clock jumps).
/// </summary>
internal sealed class NoReminders : IReminderRegistry
{
    private sealed record Reminder(string ReminderName) : IGrainReminder;

    public Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Task.FromResult<IGrainReminder>(new Reminder(reminderName));

    public Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken) =>
        RegisterOrUpdateReminder(callingGrainId, reminderName, dueTime, period);

    public Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder) => Task.CompletedTask;

    public Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName) => Task.FromResult<IGrainReminder?>(new Reminder(reminderName));

    public Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName, CancellationToken cancellationToken) => GetReminder(callingGrainId, reminderName);

    public Task<List<IGrainReminder>> GetReminders(GrainId callingGrainId) => Task.FromResult(new List<IGrainReminder>());

    public Task<List<IGrainReminder>> GetReminders(GrainId callingGrainId, CancellationToken cancellationToken) => GetReminders(callingGrainId);
}
