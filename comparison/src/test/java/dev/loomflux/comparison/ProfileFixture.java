package dev.loomflux.comparison;

import java.io.IOException;
import java.util.List;

/**
 * The scenarios of the profiles, for tests in other packages (Profile is this package's).
 */
public final class ProfileFixture {

	private ProfileFixture() {
	}

	public static List<String> scenarioNames() throws IOException {
		return List.copyOf(Profile.load("full").scenarios().keySet());
	}

}
