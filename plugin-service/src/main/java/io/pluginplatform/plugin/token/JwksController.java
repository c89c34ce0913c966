package io.pluginplatform.plugin.token;

import io.pluginplatform.common.auth.PublicRoute;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JWK set plugins verify access tokens with. Served without a token: a plugin container has none, and the
 * set holds nothing secret.
 */
@RestController
@PublicRoute
class JwksController {

    private final String publicKeys;

    JwksController(SigningKeys keys) {
        // the keys change only with a restart, so the document is rendered once
        this.publicKeys = keys.publicKeys().toString(true);
    }

    // no "produces": a client asking for application/jwk-set+json gets the same document rather than a 406
    @GetMapping("/plugin/v1/jwks.json")
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(publicKeys);
    }
}
