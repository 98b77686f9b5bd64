//! Human input: dates, durations.
