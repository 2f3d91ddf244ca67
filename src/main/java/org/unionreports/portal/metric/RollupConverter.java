package org.unionreports.portal.metric;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class RollupConverter implements AttributeConverter<Rollup, String> {

	@Override
	public String convertToDatabaseColumn(Rollup rollup) {
		return rollup == null ? null : rollup.name().toLowerCase();
	}

	@Override
	public Rollup convertToEntityAttribute(String code) {
		return code == null ? null : Rollup.valueOf(code.toUpperCase());
	}

}
