package com.maxmysales.privacy.masking;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sensitive-data masking of inbound text (P1).
 *
 * @param healthTerms words that reveal a health condition, masked wherever they appear as whole words in any
 *        case; an operator adds the languages their customers write in
 */
@ConfigurationProperties("maxmysales.privacy.masking")
public record MaskingSettings(
        @DefaultValue({"diabetes", "diabetic", "HIV", "cancer", "tumour", "tumor", "chemotherapy", "tuberculosis",
                "hepatitis", "dialysis", "pregnant", "pregnancy", "miscarriage", "abortion", "depression",
                "antidepressant", "schizophrenia", "bipolar", "epilepsy", "asthma", "hypertension", "heart attack",
                "thyroid", "PCOS", "infertility", "IVF", "syphilis", "leprosy", "dementia", "Alzheimer's", "autism",
                "psychiatric"}) List<String> healthTerms) {
}
