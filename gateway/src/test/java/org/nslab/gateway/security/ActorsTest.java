package org.nslab.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorsTest {

    @Test
    void theTenantIsTheGroupUnderTenants() {
        assertEquals("demo-university", Actors.tenantOf(Set.of("/staff", "/tenants/demo-university")));
        assertEquals("other-college", Actors.tenantOf(List.of("\"/tenants/other-college\"")));
    }

    @Test
    void withoutATenantGroupTheUserIsInTheDefaultTenant() {
        assertEquals(Actors.DEFAULT_TENANT, Actors.tenantOf(null));
        assertEquals(Actors.DEFAULT_TENANT, Actors.tenantOf(Set.of("/staff")));
        assertEquals(Actors.DEFAULT_TENANT, Actors.tenantOf(Set.of("/tenants/Not Valid")));
    }
}
