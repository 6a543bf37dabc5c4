package dev.loomflux.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the JVM flags a variant's service starts with, one a line, for the shell scripts
 * that start services themselves ({@code ./loomflux start}):
 * {@code java -cp launcher/target/classes dev.loomflux.launcher.JvmFlags [VARIANT]}.
 */
public final class JvmFlags {

	private JvmFlags() {
	}

	public static void main(String[] args) {
		List<String> flags = new ArrayList<>(ServiceProcess.JVM_FLAGS);
		if (args.length > 0) {
			flags.addAll(Variant.named(args[0]).flags());
		}
		flags.forEach(System.out::println);
	}

}
