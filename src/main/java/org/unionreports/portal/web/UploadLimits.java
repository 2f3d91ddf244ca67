package org.unionreports.portal.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.upload.*}: how large a request body may be, for an upload, a form post or an API request
 * alike ({@code PORTAL_UPLOAD_MAX_SIZE}). A larger one is answered 413 before it is read.
 *
 * @param maxSize the largest body, e.g. {@code 20MB} or {@code 500KB}
 */
@ConfigurationProperties("portal.upload")
@Validated
public record UploadLimits(@DefaultValue("20MB") @NotNull DataSize maxSize) {

	public UploadLimits {
		if (maxSize != null && maxSize.toBytes() <= 0) {
			throw new IllegalArgumentException("portal.upload.max-size (PORTAL_UPLOAD_MAX_SIZE) must be more than "
					+ "nothing, such as 20MB; it was " + maxSize);
		}
	}

}
