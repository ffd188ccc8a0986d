package org.nslab.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserErrorTest {

    @Test
    void aCodeIsWrittenAsItsOneSpelling() {
        assertEquals("PROMPT_TOO_LONG", new UserError(List.of("input", "prompt"), "too long", UserErrorCode.PROMPT_TOO_LONG).code());
    }

    @Test
    void everyCodeIsUpperSnakeCase() {
        for (UserErrorCode code : UserErrorCode.values()) {
            assertTrue(code.name().matches("[A-Z]+(_[A-Z]+)*"), code.name());
        }
    }
}
