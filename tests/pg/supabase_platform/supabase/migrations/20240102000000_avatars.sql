-- A storage bucket with the platform's bucket columns, and a policy on storage.objects that
-- uses the path helpers and the objects' real columns.
INSERT INTO storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
VALUES ('avatars', 'avatars', true, 1048576, ARRAY['image/png', 'image/jpeg']);

CREATE POLICY "avatars: owner uploads" ON storage.objects FOR INSERT TO authenticated
  WITH CHECK (bucket_id = 'avatars'
              AND (storage.foldername(name))[1] = (SELECT auth.uid())::text
              AND storage.extension(name) IN ('png', 'jpg'));

CREATE VIEW public.my_avatars WITH (security_invoker = true) AS
  SELECT id, name, owner_id, path_tokens, version, user_metadata, metadata, last_accessed_at
  FROM storage.objects WHERE bucket_id = 'avatars';

ALTER PUBLICATION supabase_realtime ADD TABLE public.profiles;
