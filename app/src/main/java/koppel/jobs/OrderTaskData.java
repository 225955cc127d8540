package koppel.jobs;

/** What a queued booking carries; the task instance id is the order key itself. */
public record OrderTaskData(String trigger) {}
