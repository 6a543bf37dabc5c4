package dev.loomflux.architecture;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules these tests read, from the source tree: Maven runs the tests in
 * architecture-tests/, so the repository root is its parent. Classes are imported from
 * each module's {@code target/classes}, which the build has filled by the time this
 * module's tests run (the pom lists those modules as dependencies for that reason).
 */
final class Modules {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private Modules() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	/**
	 * A module's main classes. Fails, rather than checking nothing, when the module has
	 * not been compiled.
	 */
	static JavaClasses classes(String module) {
		Path classes = path(module).resolve("target/classes");
		assertThat(classes).as("%s is not compiled: run ./mvnw verify, or compile %s first", classes, module)
			.isDirectory();
		JavaClasses imported = new ClassFileImporter().importPath(classes);
		assertThat(imported).as("classes in %s", classes).isNotEmpty();
		return imported;
	}

}
