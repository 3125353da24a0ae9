"""Accounts: sign up, sign in, sign out, change password, export and delete."""
