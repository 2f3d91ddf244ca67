package org.unionreports.portal.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class QualifierConverter implements AttributeConverter<Qualifier, String> {

	@Override
	public String convertToDatabaseColumn(Qualifier qualifier) {
		return qualifier == null ? null : qualifier.code();
	}

	@Override
	public Qualifier convertToEntityAttribute(String code) {
		return code == null ? null : Qualifier.fromCode(code).orElseThrow();
	}

}
