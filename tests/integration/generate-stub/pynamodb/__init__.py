"""A stand-in for PynamoDB (not installable offline) with the constructor signatures generated
code uses, so tests can import the generated package and inspect what it declares."""
