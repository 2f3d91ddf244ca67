package org.unionreports.portal.metric;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class MetricKindConverter implements AttributeConverter<MetricKind, String> {

	@Override
	public String convertToDatabaseColumn(MetricKind kind) {
		return kind == null ? null : kind.code();
	}

	@Override
	public MetricKind convertToEntityAttribute(String code) {
		return code == null ? null : MetricKind.fromCode(code).orElseThrow();
	}

}
