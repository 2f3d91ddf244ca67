package org.unionreports.portal.startup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A {@code portal.*} setting that cannot be used stops the start with one sentence naming it, its
 * environment variable and what it should be, in place of Spring Boot's general report: "The setting
 * portal.upload.max-size (PORTAL_UPLOAD_MAX_SIZE) is "lots", which is not a size such as 20MB or 500KB."
 * Settings of Spring and of other libraries keep Boot's own report.
 */
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final String ACTION = "Correct that setting (application.yml, --name=value or the environment "
			+ "variable; README.md lists them) and start the portal again.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!cause.getName().toString().startsWith("portal")) {
			return null;
		}
		return new FailureAnalysis(sentence(cause), ACTION, cause);
	}

	/** What went wrong, in one sentence. */
	static String sentence(BindException failure) {
		for (Throwable inner = failure.getCause(); inner != null; inner = inner.getCause()) {
			if (inner instanceof BindValidationException invalid) {
				return invalid(invalid);
			}
			if (inner instanceof IllegalArgumentException refused && namesASetting(refused.getMessage())) {
				// A settings record's own check, which names the setting itself.
				return sentenceOf(refused.getMessage());
			}
		}
		ConfigurationProperty property = failure.getProperty();
		String name = property != null ? property.getName().toString() : failure.getName().toString();
		Class<?> type = failure.getTarget().getType().resolve(Object.class);
		String value = property != null ? String.valueOf(property.getValue()) : null;
		return "The setting " + named(name) + (value != null ? " is \"" + value + "\", which is not " : " must be ")
				+ expected(type) + ".";
	}

	private static String invalid(BindValidationException invalid) {
		ObjectError error = invalid.getValidationErrors().getAllErrors().get(0);
		String name = invalid.getValidationErrors().getName().toString();
		if (error instanceof FieldError field) {
			String full = name + "." + ConfigurationPropertyName.adapt(field.getField(), '.');
			return "The setting " + named(full) + " is \"" + field.getRejectedValue() + "\", but it "
					+ error.getDefaultMessage() + ".";
		}
		return "The settings under " + named(name) + " cannot be used: " + error.getDefaultMessage() + ".";
	}

	/** {@code portal.upload.max-size (PORTAL_UPLOAD_MAX_SIZE)}. */
	static String named(String name) {
		return name + " (" + name.toUpperCase(Locale.ROOT).replaceAll("[.\\-\\[\\]]+", "_").replaceAll("_$", "") + ")";
	}

	private static String expected(Class<?> type) {
		if (type == DataSize.class) {
			return "a size such as 20MB or 500KB";
		}
		if (type == Duration.class) {
			return "a duration such as 15m, 8h or 30s";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == URI.class) {
			return "an address such as https://gonghui.example.cn";
		}
		if (type == Path.class) {
			return "a path to a directory";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		return "a value of the right kind (" + type.getSimpleName() + ")";
	}

	/** The checks of the settings records name the environment variable; a converter's message does not. */
	private static boolean namesASetting(String message) {
		return message != null && message.matches("(?s).*\\bPORTAL_[A-Z_]+\\b.*");
	}

	private static String sentenceOf(String message) {
		String text = message.strip();
		return text.endsWith(".") ? text : text + ".";
	}

	@Override
	public int getOrder() {
		// Before Spring Boot's own analyzer of bind failures, which would otherwise answer first.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
