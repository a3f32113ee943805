def test_a_phone_number_is_shown_spaced_as_it_is_read_aloud():
    from coproduce.lib.validators import phone_for_reading

    assert phone_for_reading("07700900123") == "07700 900123"
    assert phone_for_reading("+447700900123") == "+44 7700 900123"
    assert phone_for_reading("447700900123") == "+44 7700 900123"
    assert phone_for_reading("abc<script>") == "abc<script>"
