"""Coach accounts: passwords, one-time links, invitations and deactivation."""
