package dev.loomflux.comparison;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenarios of the profiles, for tests in other packages (Profile is this package's).
 */
public final class ProfileFixture {

	private ProfileFixture() {
	}

	/**
	 * Every scenario some profile runs, each once, in the order the profiles list them.
	 */
	public static List<String> scenarioNames() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		for (String profile : Profile.NAMES) {
			names.addAll(Profile.load(profile).scenarios().keySet());
		}
		return List.copyOf(names);
	}

}
