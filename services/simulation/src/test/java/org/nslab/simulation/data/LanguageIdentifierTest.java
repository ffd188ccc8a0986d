package org.nslab.simulation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier();

    @Test
    void sentencesInSixLanguagesAndFourScriptsAreIdentified() {
        assertEquals("en", IDENTIFIER.identify("The committee said that the new budget would be presented to the council next week.").code());
        assertEquals("de", IDENTIFIER.identify("Der Ausschuss sagte, dass der neue Haushalt nächste Woche dem Rat vorgelegt wird.").code());
        assertEquals("fr", IDENTIFIER.identify("Le comité a déclaré que le nouveau budget serait présenté au conseil la semaine prochaine.").code());
        assertEquals("es", IDENTIFIER.identify("El comité dijo que el nuevo presupuesto se presentaría al consejo la próxima semana.").code());
        assertEquals("ru", IDENTIFIER.identify("Комитет заявил, что новый бюджет будет представлен совету на следующей неделе.").code());
        assertEquals("ko", IDENTIFIER.identify("위원회는 새 예산이 다음 주에 의회에 제출될 것이라고 말했다.").code());
        assertTrue(IDENTIFIER.identify("委员会表示，新预算将于下周提交理事会。").code().startsWith("zh"));
    }

    @Test
    void textWithoutLettersIsUndeterminedAndTheAnswerIsDeterministic() {
        assertEquals(LanguageIdentifier.UNDETERMINED, IDENTIFIER.identify("12345 67890 !!! ---").code());
        String mixed = "Click here: gratis Geld and free money, argent gratuit";
        assertEquals(IDENTIFIER.identify(mixed), IDENTIFIER.identify(mixed));
        double clear = IDENTIFIER.identify("The committee said that the new budget would be presented to the council.").probability();
        assertTrue(clear > 0.99, "probability of plain English: " + clear);
    }
}
