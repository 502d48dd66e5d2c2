// Keycloak's silent single-sign-on check ends here, in a hidden frame: hand the answer to the console.
parent.postMessage(location.href, location.origin);
