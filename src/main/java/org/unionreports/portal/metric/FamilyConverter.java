package org.unionreports.portal.metric;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class FamilyConverter implements AttributeConverter<Family, String> {

	@Override
	public String convertToDatabaseColumn(Family family) {
		return family == null ? null : family.code();
	}

	@Override
	public Family convertToEntityAttribute(String code) {
		return code == null ? null : Family.fromCode(code).orElseThrow();
	}

}
