package dev.loomflux.launcher;

/**
 * A process's or thread's CPU time from its {@code /proc/.../stat} line, the one parser
 * of it for the start-up figures and the comparison's.
 */
public final class ProcCpu {

	/** Clock ticks per second (USER_HZ) in /proc's CPU times; 100 on every Linux. */
	public static final double TICKS_PER_SECOND = 100.0;

	private ProcCpu() {
	}

	/**
	 * User plus system time, in clock ticks. The fields are read after the last ')',
	 * since the command name in brackets (field 2) may hold spaces: utime and stime are
	 * fields 14 and 15 of the line, 12 and 13 after the name.
	 */
	public static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

}
